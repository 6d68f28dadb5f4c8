package io.openhire.testsupport;

import io.openhire.modelregistry.ModelRegistryConfiguration;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.test.TestTokens;
import io.openhire.servicetest.TestServiceAccount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The real model registry, with service tokens from a test issuer instead of identity. Outside the
 * io.openhire.jobprocessing package, so that job-processing's component scan does not pick it up.
 */
@Configuration(proxyBeanMethods = false)
@Import(ModelRegistryConfiguration.class)
public class RegistryForJobProcessingTests {

    /** Set before the registry starts. */
    public static volatile TestTokens tokens;

    @Bean
    ServiceAccount serviceAccount() {
        return TestServiceAccount.of("model-registry", tokens);
    }
}
