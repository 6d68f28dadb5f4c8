package io.openhire.distributed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * bench/compose-throughput.sh's platform: every service as its own process, wired as Compose wires them
 * ({@link ComposeOnThisMachine}), with the images' JVM flags. Writes the gateway's URL to the file it is given once
 * every service is ready, then runs until it is stopped (SIGTERM), stopping the services as Compose would.
 */
public final class ComposeTopology {

    private ComposeTopology() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ComposeTopology URL_FILE");
        }
        ComposeOnThisMachine compose = ComposeOnThisMachine.read(Path.of("target/compose-topology-logs"));
        compose.dotEnv().put("OPENHIRE_PUBLIC_URL", compose.url("gateway"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                compose.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        compose.start();
        System.out.println("Every service ready; start to ready: " + compose.startTimes());
        Files.writeString(Path.of(args[0]), compose.url("gateway") + "\n");
        stopped.await();
    }
}
