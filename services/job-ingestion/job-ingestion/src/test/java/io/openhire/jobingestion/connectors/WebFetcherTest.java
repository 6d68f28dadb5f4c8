package io.openhire.jobingestion.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openhire.jobingestion.TestProperties;
import io.openhire.platform.test.TestSockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a crawl tells its user when a site cannot be reached: one sentence, whatever the reason. */
class WebFetcherTest {

    final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    TestSockets.Greeter server(String greeting, boolean hangUp) throws IOException {
        TestSockets.Greeter server = TestSockets.greeter(greeting, hangUp);
        servers.add(server);
        return server;
    }

    static ConnectorException failure(WebFetcher web, String uri) {
        return catchThrowableOfType(
                ConnectorException.class, () -> web.session().api(URI.create(uri), Map.of()));
    }

    @Test
    void aClosedPortAnOpenNonHttpPortAndASilentPortReadTheSame() throws IOException {
        WebFetcher web = new WebFetcher(TestProperties.defaults(true, Duration.ofMillis(500)), Clock.systemUTC());
        TestSockets.Greeter ssh = server(TestSockets.SSH_GREETING, false);
        TestSockets.Greeter smtp = server(TestSockets.SMTP_GREETING, true);
        TestSockets.Greeter silent = server("", false);

        List<String> texts = new ArrayList<>();
        for (String uri : List.of(
                "http://127.0.0.1:" + TestSockets.closedPort() + "/jobs",
                "http://127.0.0.1:" + ssh.port() + "/jobs",
                "http://127.0.0.1:" + smtp.port() + "/jobs",
                "http://127.0.0.1:" + silent.port() + "/jobs",
                "https://127.0.0.1:" + ssh.port() + "/jobs")) {
            texts.add(failure(web, uri).getMessage());
        }
        assertThat(texts).containsOnly("The site could not be reached.");
        assertThat(ssh.connections().get())
                .as("the open ports were really asked")
                .isPositive();
        assertThat(silent.connections().get()).isPositive();
    }

    @Test
    void thisMachinesOwnAddressesAreRefusedBeforeAnyConnection() throws Exception {
        WebFetcher web = new WebFetcher(TestProperties.defaults(false, Duration.ofSeconds(2)), Clock.systemUTC());
        TestSockets.Greeter ssh = server(TestSockets.SSH_GREETING, true);
        List<InetAddress> own = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .toList();
        for (InetAddress address : own) {
            String host = InetAddress.getByAddress(address.getAddress()).getHostAddress();
            String literal = host.contains(":") ? "[" + host + "]" : host;
            assertThat(failure(web, "http://" + literal + ":" + ssh.port() + "/careers")
                            .getMessage())
                    .as(literal)
                    .isEqualTo("The site could not be reached.");
        }
        assertThat(failure(web, "http://no-such-host.invalid/careers").getMessage())
                .isEqualTo("The site could not be reached.");
        assertThat(ssh.connections().get()).isZero();
    }
}
