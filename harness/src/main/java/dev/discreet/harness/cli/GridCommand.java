package dev.discreet.harness.cli;

import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.device.grid.GridClasspath;
import dev.discreet.harness.device.grid.LocalGrid;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code discreet grid}: a Selenium Grid 4 on this machine, a hub and N relay nodes each in front of its own local
 * Appium server, all on 127.0.0.1, until interrupted. For a farm of several machines use {@code harness/bin/grid}
 * with the configs in {@code harness/grid/}.
 */
@Command(name = "grid", description = "Start a Selenium Grid 4.47 on this machine (hub + N relay nodes, each in front "
        + "of its own Appium server, all on 127.0.0.1) and keep it up until interrupted; prints the hub URL to give "
        + "`discreet run --appium-url`.")
final class GridCommand implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "2", description = "Relay nodes, one Appium server each (default: ${DEFAULT-VALUE}).")
    int nodes;
    @Option(names = "--dir", description = "Folder for the Grid's configs and logs (default: a new temp folder).")
    Path dir;
    @Option(names = "--start-timeout", defaultValue = "120", description = "Seconds to wait for every node (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || nodes > 8) throw new IllegalArgumentException("--nodes must be within 1..8, was " + nodes);
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("discreet-grid-");
        String cp = GridClasspath.resolve(gridPom(), folder.resolve("grid.classpath"), true);
        List<AppiumServer> servers = new ArrayList<>();
        LocalGrid grid = null;
        try {
            List<URL> urls = new ArrayList<>();
            for (int i = 1; i <= nodes; i++) {
                AppiumServer a = AppiumServer.start(AppiumServerOptions.discover()
                        .withLogFile(folder.resolve("appium-" + i + ".log")));
                servers.add(a);
                urls.add(a.url());
            }
            grid = LocalGrid.start(cp, urls, folder, Duration.ofSeconds(timeout));
            System.out.println("grid: " + nodes + " node(s), configs and logs in " + folder);
            System.out.println("run:  harness/bin/discreet run --appium-url " + grid.hubUrl() + " --parallel " + nodes);
            System.out.println(grid.hubUrl());
            CountDownLatch forever = new CountDownLatch(1);
            LocalGrid g = grid;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                g.close();
                servers.forEach(AppiumServer::close);
            }, "grid-stop"));
            forever.await();
            return 0;
        } catch (RuntimeException e) {
            if (grid != null) grid.close();
            servers.forEach(AppiumServer::close);
            throw e;
        }
    }

    /** {@code harness/grid/pom.xml}, found from the working folder upward. */
    static Path gridPom() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            for (Path p : List.of(d.resolve("harness/grid/pom.xml"), d.resolve("grid/pom.xml"))) {
                if (Files.isRegularFile(p)) return p;
            }
        }
        return Path.of("harness/grid/pom.xml");
    }
}
