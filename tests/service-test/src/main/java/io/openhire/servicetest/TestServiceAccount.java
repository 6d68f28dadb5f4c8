package io.openhire.servicetest;

import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.test.TestTokens;
import java.time.Clock;
import java.util.UUID;

/**
 * A service's {@link ServiceAccount} without identity: its tokens are the ones identity would issue
 * (subject {@code service:<name>}, role {@code SERVICE}, one organisation), signed by the test issuer. Other
 * services check the name (storage's buckets belong to named services), so give the real one.
 *
 * <pre>{@code
 * @Bean
 * ServiceAccount serviceAccount() {
 *     return TestServiceAccount.of("model-registry", TOKENS);
 * }
 * }</pre>
 */
public final class TestServiceAccount {

    private TestServiceAccount() {}

    public static ServiceAccount of(String service, TestTokens tokens) {
        return new ServiceAccount(service, "unused", null, Clock.systemUTC()) {
            @Override
            public String tokenFor(UUID organizationId) {
                return tokens.serviceToken(service, organizationId);
            }
        };
    }
}
