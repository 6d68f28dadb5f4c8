package io.openhire.matchingtest;

import io.openhire.modelregistry.ModelRegistryConfiguration;
import io.openhire.modelserving.ModelServingConfiguration;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.test.TestServices;
import io.openhire.platform.test.TestTokens;
import io.openhire.resumeprocessing.ResumeProcessingConfiguration;
import io.openhire.servicetest.TestServiceAccount;
import io.openhire.servicetest.TestStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The real services matching calls, started for a test with service tokens from the test issuer instead
 * of identity: storage (for the registry and the resumes), model-registry (models and match-ranker),
 * model-serving (embeddings) and resume-processing (profiles). Outside io.openhire.matching, so that
 * matching's component scan does not find these configurations.
 */
public final class Neighbours implements AutoCloseable {

    /** Set before the neighbours start: the issuer whose tokens every service accepts. */
    static volatile TestTokens tokens;

    public final TestStorage storage;
    public final TestServices.Running registry;
    public final TestServices.Running serving;
    public final TestServices.Running resumeProcessing;

    private Neighbours(TestTokens testTokens) throws IOException {
        tokens = testTokens;
        storage = TestStorage.start(testTokens);
        registry = TestServices.start(
                "model-registry",
                Registry.class,
                testTokens,
                Map.of(
                        "openhire.clients.services.storage.url", storage.url(),
                        "openhire.model-registry.seed-retry", "1s",
                        "openhire.model-registry.work-dir",
                                Files.createTempDirectory("openhire-registry").toString()));
        serving = TestServices.start(
                "model-serving",
                Serving.class,
                testTokens,
                Map.of(
                        "openhire.clients.services.model-registry.url",
                        registry.url(),
                        "openhire.model-serving.model-dir",
                        Files.createTempDirectory("openhire-models").toString(),
                        "openhire.model-serving.reconcile-interval",
                        "2s",
                        "openhire.model-serving.load-wait",
                        "90s"));
        resumeProcessing = TestServices.start(
                "resume-processing",
                ResumeProcessing.class,
                testTokens,
                Map.of("openhire.clients.services.storage.url", storage.url()));
    }

    public static Neighbours start(TestTokens tokens) {
        try {
            return new Neighbours(tokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        resumeProcessing.close();
        serving.close();
        registry.close();
        storage.close();
    }

    @Configuration(proxyBeanMethods = false)
    @Import(ModelRegistryConfiguration.class)
    static class Registry {
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("model-registry", tokens);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(ModelServingConfiguration.class)
    static class Serving {
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("model-serving", tokens);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(ResumeProcessingConfiguration.class)
    static class ResumeProcessing {
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("resume-processing", tokens);
        }
    }
}
