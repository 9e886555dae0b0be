package dev.discreet.mockapps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the mock apps listen and what devices are told: loopback unless asked, the advertised URL everywhere. */
class MockAppNetworkTest {
    static TaskSuite suite;
    @TempDir
    Path tmp;

    @BeforeAll
    static void load() { suite = SuiteLoader.canonical(); }

    @Test
    void byDefaultOnlyThisMachineCanReachTheApps() {
        try (MockAppServer apps = MockAppServer.start(suite)) {
            assertThat(apps.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(apps.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + apps.address().getPort() + "/"));
        }
    }

    @Test
    void anAdvertisedUrlIsWhatEpisodesOpenWhileTheServerStaysOnLoopback() throws Exception {
        // An emulator on this host reaches the host's loopback as 10.0.2.2: bind stays loopback.
        MockAppNetwork n = MockAppNetwork.LOOPBACK.withAdvertisedUrl(URI.create("http://10.0.2.2"));
        try (MockAppServer apps = MockAppServer.start(suite, n)) {
            int port = apps.address().getPort();
            assertThat(apps.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(apps.baseUri()).isEqualTo(URI.create("http://10.0.2.2:" + port + "/"));
            try (MockEpisode ep = apps.beginEpisode("net-1", tmp.resolve("ep"))) {
                assertThat(ep.homeUri().toString()).startsWith("http://10.0.2.2:" + port + "/e/");
                // The same path answers on the address the server really listens on.
                URI local = URI.create("http://127.0.0.1:" + port + ep.homeUri().getRawPath());
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(local).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
    }
}
