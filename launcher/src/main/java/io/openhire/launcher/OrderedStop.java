package io.openhire.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.Phased;

/**
 * Ctrl-C, in an order that leaves nothing half-done and nothing complaining in the log:
 *
 * <ol>
 *   <li>in every service at once, the work that starts by itself stops: Kafka listeners, outbox relays,
 *       schedulers (each context's lifecycle beans that it would stop before its web server), while every
 *       service still answers, since they call each other;
 *   <li>the services close, each one's callers before it (the reverse of {@link AllInOne#SERVICES}, where a
 *       service comes after the ones it calls): each finishes its requests in flight, then closes its
 *       connection pool, Kafka producers and threads;
 *   <li>Kafka;
 *   <li>PostgreSQL, last, when no one is connected any more.
 * </ol>
 *
 * Every step has a limit: past it the stop says on the console which step did not finish, and goes on.
 */
final class OrderedStop {

    private static final Logger log = LoggerFactory.getLogger(OrderedStop.class);

    static final Duration BACKGROUND_WORK_LIMIT = Duration.ofSeconds(10);
    static final Duration SERVICE_LIMIT = Duration.ofSeconds(5);
    static final Duration KAFKA_LIMIT = Duration.ofSeconds(15);
    static final Duration POSTGRES_LIMIT = Duration.ofSeconds(15);

    /** A step that may throw: its failure is logged and the stop goes on. */
    interface Action {
        void run() throws Exception;
    }

    private final PrintStream out;

    OrderedStop(PrintStream out) {
        this.out = out;
    }

    /** Steps 1 and 2; {@code contexts} in the order of {@link AllInOne#SERVICES}. */
    void stopServices(List<ConfigurableApplicationContext> contexts) {
        bounded(
                "the listeners and schedulers",
                BACKGROUND_WORK_LIMIT,
                () -> CompletableFuture.allOf(contexts.stream()
                                .map(context -> CompletableFuture.runAsync(
                                        () -> stopBackgroundWork(context),
                                        runnable -> Thread.ofPlatform()
                                                .name(nameOf(context) + "-stop")
                                                .start(runnable)))
                                .toArray(CompletableFuture[]::new))
                        .get());
        for (ConfigurableApplicationContext context : contexts.reversed()) {
            bounded(nameOf(context), SERVICE_LIMIT, context::close);
        }
    }

    /**
     * Stops, highest phase first as Spring would, the running lifecycle beans that the context stops before
     * its web server's graceful shutdown: what takes work from Kafka, a schedule or an outbox. The web server
     * and whatever comes after it stop when the context closes.
     */
    static void stopBackgroundWork(ConfigurableApplicationContext context) {
        context.getBeanFactory().getBeansOfType(Lifecycle.class, false, false).entrySet().stream()
                .filter(bean -> !(bean.getValue() instanceof LifecycleProcessor))
                .filter(bean -> phaseOf(bean.getValue()) > WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE)
                .filter(bean -> bean.getValue().isRunning())
                .sorted(Comparator.comparingInt((Map.Entry<String, Lifecycle> bean) -> phaseOf(bean.getValue()))
                        .reversed())
                .forEach(bean -> {
                    long t = System.nanoTime();
                    try {
                        bean.getValue().stop();
                        log.info(
                                "Stopped {} of {} in {} ms",
                                bean.getKey(),
                                nameOf(context),
                                (System.nanoTime() - t) / 1_000_000);
                    } catch (RuntimeException e) {
                        log.warn("Could not stop {} of {}", bean.getKey(), nameOf(context), e);
                    }
                });
    }

    private static int phaseOf(Lifecycle bean) {
        return bean instanceof Phased phased ? phased.getPhase() : 0;
    }

    static String nameOf(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("spring.application.name", context.getId());
    }

    /** Runs one step on a thread of its own; past the limit, says so and goes on without it. */
    void bounded(String what, Duration limit, Action action) {
        long t = System.nanoTime();
        CompletableFuture<Void> step = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("stop-" + what.replace(' ', '-')).start(() -> {
            try {
                action.run();
                step.complete(null);
            } catch (Throwable e) {
                step.completeExceptionally(e);
            }
        });
        try {
            step.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Stopped {} in {} ms", what, (System.nanoTime() - t) / 1_000_000);
        } catch (TimeoutException e) {
            String seconds = new java.math.BigDecimal(limit.toMillis())
                    .movePointLeft(3)
                    .stripTrailingZeros()
                    .toPlainString();
            log.warn("Stopping {} took longer than {} s: going on without waiting for it", what, seconds);
            out.printf("  ! %s did not stop within %s s; going on%n", what, seconds);
        } catch (ExecutionException e) {
            log.warn("Stopping {} failed: going on", what, e.getCause());
            out.printf("  ! %s did not stop cleanly: %s%n", what, AllInOne.explain(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
