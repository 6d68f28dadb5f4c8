package io.openhire.testsupport;

import io.openhire.modelregistry.ModelRegistryConfiguration;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.test.TestTokens;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The real model registry, with service tokens from a test issuer instead of identity. Outside the
 * io.openhire.modelserving package, so that model-serving's component scan does not pick it up.
 */
@Configuration(proxyBeanMethods = false)
@Import(ModelRegistryConfiguration.class)
public class RegistryForTests {

    /** Set before the registry starts. */
    public static volatile TestTokens tokens;

    @Bean
    ServiceAccount serviceAccount() {
        return serviceAccount("model-registry", tokens);
    }

    /** Tokens shaped like identity's service tokens (subject {@code service:<name>}): storage checks the name. */
    public static ServiceAccount serviceAccount(String name, TestTokens tokens) {
        return new ServiceAccount(name, "unused", null, Clock.systemUTC()) {
            @Override
            public String tokenFor(UUID organizationId) {
                return tokens.serviceToken(name, organizationId);
            }
        };
    }
}
