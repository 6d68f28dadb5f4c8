package io.openhire.modelserving.app;

import io.openhire.modelserving.ModelServingConfiguration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** model-serving as its own process (distributed mode). The all-in-one launcher starts the same configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ModelServingConfiguration.class)
public class ModelServingApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(ModelServingApplication.class, args);
        closeBeforeExitOnSignals(context);
    }

    /**
     * SIGINT/SIGTERM close the context first (requests drained, models unloaded) and only then exit the JVM. Left to
     * the JVM, a signal runs every shutdown hook at once: ONNX Runtime's own hook frees its native environment while
     * Spring's is still draining requests that compute embeddings (a SIGSEGV during a stop under load). The
     * launcher does the same for the all-in-one.
     */
    static void closeBeforeExitOnSignals(ConfigurableApplicationContext context) {
        AtomicBoolean closing = new AtomicBoolean();
        for (String name : List.of("INT", "TERM")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (closing.getAndSet(true)) {
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                    context.close();
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // the signal is taken (java -Xrs) or ignored (nohup): Spring's shutdown hook closes the context then
            }
        }
    }
}
