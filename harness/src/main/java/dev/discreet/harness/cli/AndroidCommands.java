package dev.discreet.harness.cli;

import com.sun.net.httpserver.HttpServer;
import dev.discreet.harness.device.android.AndroidApps;
import dev.discreet.harness.device.android.ApkBuilder;
import dev.discreet.harness.device.android.UrlMapping;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code discreet android install | doctor}: put the mock-app APKs on a device attached to this machine (adb), and
 * check what an Android run needs. Both talk to the device through this machine's {@code adb}.
 */
@Command(name = "android", description = "Android devices: install the mock-app APKs, check a device.",
        subcommands = {AndroidCommands.Install.class, AndroidCommands.Doctor.class})
final class AndroidCommands implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    /** Options both commands share. */
    static class Common {
        @Option(names = "--apks", description = "The folder with apks.json and the APKs (default: the apks folder "
                + "beside the harness jar, i.e. harness/target/apks after the Maven build).")
        Path apks;
        @Option(names = "--serial", description = "The device's serial from `adb devices` (default: the only one).")
        String serial;
        @Option(names = "--adb", defaultValue = "adb", description = "The adb binary (default: ${DEFAULT-VALUE} on PATH).")
        String adb;

        Path apkDir() {
            if (apks != null) return apks;
            try {
                Path here = Path.of(AndroidCommands.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return here.getParent().resolve("apks");
            } catch (URISyntaxException | RuntimeException e) {
                return Path.of("harness/target/apks");
            }
        }

        /** Runs adb (with -s when a serial is chosen); null when adb cannot be started. */
        Result adb(String serial, List<String> args, long timeoutSeconds) {
            List<String> cmd = new ArrayList<>(List.of(adb));
            if (serial != null) cmd.addAll(List.of("-s", serial));
            cmd.addAll(args);
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                p.getOutputStream().close();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", cmd));
                }
                return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "interrupted");
            }
        }

        /** The serials {@code adb devices} lists as ready ("device"). */
        static List<String> readyDevices(String adbDevicesOutput) {
            List<String> out = new ArrayList<>();
            for (String line : adbDevicesOutput.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 2 && f[1].equals("device") && !line.startsWith("List of")) out.add(f[0]);
            }
            return out;
        }

        /** The device to use, or an explanation why there is none. */
        String chooseDevice(List<String> ready) {
            if (serial != null) {
                if (!ready.contains(serial)) {
                    throw new IllegalStateException("device " + serial + " is not ready (adb devices shows " + ready
                            + "); start it or pass another --serial");
                }
                return serial;
            }
            if (ready.isEmpty()) {
                throw new IllegalStateException("no Android device is attached (adb devices lists none ready): start an "
                        + "emulator (emulator -avd NAME) or plug in a device with USB debugging on");
            }
            if (ready.size() > 1) {
                throw new IllegalStateException("several devices are attached " + ready + ": choose one with --serial");
            }
            return ready.get(0);
        }
    }

    record Result(int exit, String output) {}

    private static String adbMissing(String adb) {
        return adb + " cannot be run: install Debian's adb (harness/bin/setup does) or pass --adb PATH";
    }

    @Command(name = "install", description = "Install (or update) every mock-app APK on the device with adb.")
    static final class Install extends Common implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            Path dir = apkDir();
            List<ApkBuilder.Apk> apks = ApkBuilder.readIndex(dir);
            Result devices = adb(null, List.of("devices"), 30);
            if (devices == null) throw new IllegalStateException(adbMissing(adb));
            String device = chooseDevice(readyDevices(devices.output()));
            int failed = 0;
            for (ApkBuilder.Apk a : apks) {
                Result r = adb(device, List.of("install", "-r", dir.resolve(a.file()).toAbsolutePath().toString()), 180);
                boolean ok = r != null && r.exit() == 0 && r.output().contains("Success");
                if (!ok) failed++;
                System.out.println((ok ? "installed " : "FAILED    ") + a.packageName() + " (" + a.label() + ")"
                        + (ok ? "" : ": " + (r == null ? "adb did not run" : r.output().strip())));
            }
            System.out.println(failed == 0 ? "ok: " + apks.size() + " apps on " + device
                    : failed + " of " + apks.size() + " installs failed on " + device);
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "doctor", description = "Check an Android setup: adb and a ready device, the APKs built and "
            + "installed, the WebView debuggable (what Appium needs to read pages) and the harness's host reachable "
            + "from the device. One line per check; exit 1 if any fails.")
    static final class Doctor extends Common implements Callable<Integer> {
        @Option(names = "--device-host", description = "How the device reaches this machine's loopback: 10.0.2.2 for "
                + "an emulator on this machine (default), 'reverse' for adb reverse (USB), or a host name.")
        String deviceHost = UrlMapping.EMULATOR_HOST;

        private final List<String> failures = new ArrayList<>();

        private void check(PrintStream out, boolean ok, String what, String detail) {
            out.println((ok ? "ok   " : "FAIL ") + what + (detail.isEmpty() ? "" : ": " + detail));
            if (!ok) failures.add(what);
        }

        @Override
        public Integer call() {
            PrintStream out = System.out;
            List<ApkBuilder.Apk> apks = List.of();
            try {
                apks = ApkBuilder.readIndex(apkDir());
                List<String> absent = apks.stream().filter(a -> !Files.isRegularFile(apkDir().resolve(a.file())))
                        .map(ApkBuilder.Apk::file).toList();
                check(out, absent.isEmpty(), "APKs built", absent.isEmpty() ? apks.size() + " in " + apkDir()
                        : "missing " + absent + " in " + apkDir() + ": rebuild with mvn package -pl harness -am");
            } catch (IOException | IllegalArgumentException e) {
                check(out, false, "APKs built", e.getMessage());
            }
            Result version = adb(null, List.of("version"), 30);
            check(out, version != null && version.exit() == 0, "adb", version == null ? adbMissing(adb)
                    : version.output().lines().findFirst().orElse("").strip());
            if (version == null) return finish(out);
            Result devices = adb(null, List.of("devices"), 30);
            String device;
            try {
                device = chooseDevice(readyDevices(devices == null ? "" : devices.output()));
                check(out, true, "device", device);
            } catch (IllegalStateException e) {
                check(out, false, "device", e.getMessage());
                return finish(out);
            }
            Result listed = adb(device, List.of("shell", "pm", "list", "packages", AndroidApps.PACKAGE_PREFIX), 60);
            Set<String> installed = listed == null ? Set.of() : listed.output().lines().map(String::strip)
                    .filter(l -> l.startsWith("package:")).map(l -> l.substring("package:".length()))
                    .collect(Collectors.toSet());
            List<String> notInstalled = apks.stream().map(ApkBuilder.Apk::packageName).filter(p -> !installed.contains(p)).toList();
            check(out, !apks.isEmpty() && notInstalled.isEmpty(), "APKs installed", notInstalled.isEmpty()
                    ? installed.size() + " mock apps" : "missing " + notInstalled + ": run `discreet android install`");
            if (apks.isEmpty() || !notInstalled.isEmpty()) return finish(out);
            probe(out, device, apks.get(0));
            return finish(out);
        }

        /**
         * Starts one app with a page on a throw-away loopback server, then checks that the page was fetched (the
         * host is reachable from the device) and that the app's process exposes a WebView DevTools socket (what
         * Appium's WEBVIEW context connects to).
         */
        private void probe(PrintStream out, String device, ApkBuilder.Apk app) {
            HttpServer http;
            CountDownLatch fetched = new CountDownLatch(1);
            try {
                http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            } catch (IOException e) {
                check(out, false, "host reachable", "cannot open a loopback port here: " + e.getMessage());
                return;
            }
            http.createContext("/", ex -> {
                byte[] body = "<html><body><h1>discreet doctor</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
                fetched.countDown();
            });
            http.start();
            try {
                int port = http.getAddress().getPort();
                URI local = URI.create("http://127.0.0.1:" + port + "/e/doctor/app/" + app.appId() + "/");
                boolean reverse = deviceHost.equals("reverse");
                if (reverse) adb(device, List.of("reverse", "tcp:" + port, "tcp:" + port), 30);
                URI onDevice = (reverse ? UrlMapping.adbReverse() : UrlMapping.host(deviceHost)).toDevice(local);
                Result start = adb(device, List.of("shell", "am", "start", "-S", "-n", AndroidApps.component(app.appId()),
                        "--es", AndroidApps.EXTRA_URL, onDevice.toString()), 60);
                if (start == null || start.exit() != 0 || start.output().contains("Error")) {
                    check(out, false, "app starts", start == null ? "adb did not run" : start.output().strip());
                    return;
                }
                check(out, true, "app starts", AndroidApps.component(app.appId()));
                boolean reached = fetched.await(20, TimeUnit.SECONDS);
                check(out, reached, "host reachable", reached ? onDevice.toString() : "the app did not fetch " + onDevice
                        + " within 20 s: for an emulator on this machine use 10.0.2.2, for a USB device --device-host "
                        + "reverse, for a remote device a host name it resolves (and a harness serving on it)");
                Result pid = adb(device, List.of("shell", "pidof", app.packageName()), 30);
                Result sockets = adb(device, List.of("shell", "cat", "/proc/net/unix"), 30);
                String p = pid == null ? "" : pid.output().strip();
                boolean debuggable = !p.isEmpty() && sockets != null
                        && sockets.output().contains("@webview_devtools_remote_" + p.split("\\s+")[0]);
                check(out, debuggable, "WebView debuggable", debuggable ? "webview_devtools_remote_" + p
                        : "no DevTools socket for " + app.packageName() + " (pid '" + p + "'): the APK must call "
                        + "WebView.setWebContentsDebuggingEnabled(true); rebuild and reinstall the APKs");
                adb(device, List.of("shell", "am", "force-stop", app.packageName()), 30);
                if (reverse) adb(device, List.of("reverse", "--remove", "tcp:" + port), 30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                http.stop(0);
            }
        }

        private int finish(PrintStream out) {
            out.println(failures.isEmpty() ? "ok: ready for Android runs" : failures.size() + " check(s) failed: " + failures);
            return failures.isEmpty() ? 0 : 1;
        }
    }
}
