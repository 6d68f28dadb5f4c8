package io.openhire.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;

class OrderedStopTest {

    final List<String> stopped = new CopyOnWriteArrayList<>();

    /** A lifecycle bean that notes when it is stopped. */
    final class Worker implements SmartLifecycle {
        private final String name;
        private final int phase;
        private volatile boolean running;

        Worker(String name, int phase) {
            this.name = name;
            this.phase = phase;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            stopped.add(name);
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return phase;
        }
    }

    @Test
    void theFirstStepStopsWhatWorksBySelfHighestPhaseFirstAndLeavesTheWebServerToTheClose() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("scheduler", Worker.class, () -> new Worker("scheduler", Integer.MAX_VALUE));
        context.registerBean("listeners", Worker.class, () -> new Worker("listeners", Integer.MAX_VALUE - 100));
        context.registerBean(
                "webServer",
                Worker.class,
                () -> new Worker("web server", WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE));
        context.refresh();

        OrderedStop.stopBackgroundWork(context);

        assertThat(stopped).containsExactly("scheduler", "listeners");
        assertThat(context.getBean("webServer", Worker.class).isRunning()).isTrue();
        context.close();
        assertThat(stopped).containsExactly("scheduler", "listeners", "web server");
    }

    @Test
    void aStepThatOverrunsItsLimitIsNamedAndTheStopGoesOn() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        OrderedStop steps = new OrderedStop(new PrintStream(console, true, StandardCharsets.UTF_8));
        CountDownLatch hanging = new CountDownLatch(1);

        steps.bounded("kafka", Duration.ofMillis(200), hanging::await);
        steps.bounded("postgresql", Duration.ofSeconds(5), () -> stopped.add("postgresql"));
        hanging.countDown();

        assertThat(console.toString(StandardCharsets.UTF_8)).contains("! kafka did not stop within 0.2 s; going on");
        assertThat(stopped).containsExactly("postgresql");
    }

    @Test
    void aStepThatFailsIsNamedWithItsReasonAndTheStopGoesOn() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        OrderedStop steps = new OrderedStop(new PrintStream(console, true, StandardCharsets.UTF_8));

        steps.bounded("kafka", Duration.ofSeconds(5), () -> {
            throw new IllegalStateException("log directory gone");
        });

        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("! kafka did not stop cleanly: log directory gone");
    }
}
