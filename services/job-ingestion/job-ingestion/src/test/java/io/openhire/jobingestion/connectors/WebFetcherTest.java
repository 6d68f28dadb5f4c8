package io.openhire.jobingestion.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openhire.jobingestion.TestProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** A TCP server on all interfaces that greets each connection like {@code greeting} and counts them. */
    record Server(ServerSocket socket, AtomicInteger connections) implements AutoCloseable {
        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    Server server(String greeting, boolean hangUp) throws IOException {
        Server server = new Server(new ServerSocket(0), new AtomicInteger());
        servers.add(server);
        List<Socket> open = new ArrayList<>();
        servers.add(() -> {
            synchronized (open) {
                for (Socket s : open) {
                    s.close();
                }
            }
        });
        Thread.ofVirtual().start(() -> {
            while (!server.socket().isClosed()) {
                try {
                    Socket client = server.socket().accept();
                    server.connections().incrementAndGet();
                    OutputStream out = client.getOutputStream();
                    out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (hangUp) {
                        client.close();
                    } else {
                        synchronized (open) {
                            open.add(client); // says nothing more, until the test ends
                        }
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return server;
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static ConnectorException failure(WebFetcher web, String uri) {
        return catchThrowableOfType(
                ConnectorException.class, () -> web.session().api(URI.create(uri), Map.of()));
    }

    @Test
    void aClosedPortAnOpenNonHttpPortAndASilentPortReadTheSame() throws IOException {
        WebFetcher web = new WebFetcher(TestProperties.defaults(true, Duration.ofMillis(500)), Clock.systemUTC());
        Server ssh = server("SSH-2.0-OpenSSH_9.6\r\n", false);
        Server smtp = server("220 mail.example ESMTP\r\n", true);
        Server silent = server("", false);

        List<String> texts = new ArrayList<>();
        for (String uri : List.of(
                "http://127.0.0.1:" + closedPort() + "/jobs",
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
        Server ssh = server("SSH-2.0-OpenSSH_9.6\r\n", true);
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
