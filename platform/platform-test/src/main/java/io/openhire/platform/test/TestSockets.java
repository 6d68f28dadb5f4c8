package io.openhire.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Things on the network that are not what a connector expects, for tests of what a user is told when a
 * site or mail server cannot be reached: a closed port, or a server of another kind (an SSH daemon, an
 * SMTP server) that greets and hangs up or says nothing more. The answers must not tell them apart.
 */
public final class TestSockets {

    public static final String SSH_GREETING = "SSH-2.0-OpenSSH_9.6\r\n";
    public static final String SMTP_GREETING = "220 mail.example ESMTP\r\n";

    private TestSockets() {}

    /** A port nothing listens on (it was free a moment ago). */
    public static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /**
     * A TCP server on all interfaces that greets each connection with {@code greeting}, then hangs up
     * ({@code hangUp}) or keeps the connection open and silent until closed. Counts connections.
     */
    public static Greeter greeter(String greeting, boolean hangUp) throws IOException {
        Greeter greeter = new Greeter(new ServerSocket(0), new AtomicInteger(), new ArrayList<>());
        Thread.ofVirtual().start(() -> {
            while (!greeter.socket().isClosed()) {
                try {
                    Socket client = greeter.socket().accept();
                    greeter.connections().incrementAndGet();
                    OutputStream out = client.getOutputStream();
                    out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (hangUp) {
                        client.close();
                    } else {
                        synchronized (greeter.open()) {
                            greeter.open().add(client);
                        }
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return greeter;
    }

    /** See {@link #greeter}. */
    public record Greeter(ServerSocket socket, AtomicInteger connections, List<Socket> open) implements AutoCloseable {

        public int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }
}
