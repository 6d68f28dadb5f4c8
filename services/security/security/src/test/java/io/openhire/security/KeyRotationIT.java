package io.openhire.security;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import io.openhire.security.keys.ConfiguredKeyEncryptionKeys;
import io.openhire.security.keys.KeyEncryptionKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Key rotation with traffic running: services encrypt and decrypt without pause (ciphertexts made before the
 * rotations among them) while an admin rotates the organisation's data key twice and an operator moves every data
 * key to a new key-encryption key. Not one request may fail, and everything encrypted before still decrypts after.
 *
 * <p>A new KEK is configuration: an operator restarts the instances with the new key as {@code openhire.keys.kek} and
 * the old one among {@code openhire.keys.previous-keks}. Here the restart is played by switching what the running
 * context's {@link KeyEncryptionKeys} is, between two {@link ConfiguredKeyEncryptionKeys} built the way
 * configuration builds them. Unwrapped data keys are cached for 50 ms only, so the traffic keeps unwrapping — with
 * the old KEK, the new one and the old one as a previous key — all through the test.
 */
@SpringBootTest(
        classes = KeyRotationIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=security", "openhire.keys.cache-ttl=PT0.05S"})
class KeyRotationIT {

    static final TestTokens TOKENS = new TestTokens();
    static final String OLD_KEK = SecurityTestData.newKek();
    static final String NEW_KEK = SecurityTestData.newKek();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SecurityConfiguration.class)
    static class App {

        @Bean
        @Primary
        SwitchableKeks switchableKeks(KeysProperties properties) {
            return new SwitchableKeks(ConfiguredKeyEncryptionKeys.from(properties));
        }
    }

    /** The key-encryption keys an instance has, switched as a restart with new configuration would switch them. */
    static final class SwitchableKeks implements KeyEncryptionKeys {
        private volatile KeyEncryptionKeys current;

        SwitchableKeks(KeyEncryptionKeys current) {
            this.current = current;
        }

        void switchTo(KeyEncryptionKeys next) {
            current = next;
        }

        @Override
        public Wrapped wrap(byte[] dataKey, String associated) {
            return current.wrap(dataKey, associated);
        }

        @Override
        public byte[] unwrap(Wrapped wrapped, String associated) {
            return current.unwrap(wrapped, associated);
        }

        @Override
        public String currentId() {
            return current.currentId();
        }

        @Override
        public Wrapped rewrap(Wrapped wrapped, String associated) {
            return current.rewrap(wrapped, associated);
        }

        @Override
        public String rotate() {
            return current.rotate();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "security");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.keys.kek", () -> OLD_KEK);
        registry.add("spring.kafka.consumer.group-id", () -> "security-rotation-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SwitchableKeks keks;

    final UUID org = UUID.randomUUID();
    final String service = TOKENS.serviceToken("communication", org);
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
    final String operator = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN", PlatformRoles.OPERATOR);

    record Made(byte[] plaintext, String context, String ciphertext, int keyVersion) {}

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    Made encrypt(TestHttp http, byte[] plaintext, String context) {
        TestHttp.Response response = http.post(
                "/api/v1/security/encrypt", SecurityTestData.encryptBody(plaintext, context), bearer(service));
        if (response.status() != 200) {
            throw new AssertionError("encrypt answered " + response.status() + ": " + response.body());
        }
        JsonNode json = response.json();
        return new Made(
                plaintext,
                context,
                json.path("ciphertext").asString(),
                json.path("keyVersion").asInt());
    }

    /** Decrypts and compares; what went wrong, or null. */
    String check(TestHttp http, Made made) {
        TestHttp.Response response = http.post(
                "/api/v1/security/decrypt",
                SecurityTestData.cipherBody(made.ciphertext(), made.context()),
                bearer(service));
        if (response.status() != 200) {
            return "decrypt of a v" + made.keyVersion() + " ciphertext answered " + response.status() + ": "
                    + response.body();
        }
        byte[] plaintext =
                Base64.getDecoder().decode(response.json().path("plaintext").asString());
        return Arrays.equals(plaintext, made.plaintext()) ? null : "decrypt gave other bytes";
    }

    @Test
    void keysRotateWhileServicesEncryptAndDecryptAndNoRequestFails() throws Exception {
        TestHttp setup = http();
        List<Made> before = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            before.add(encrypt(setup, SecurityTestData.randomBytes(1 + i * 7), "before-" + i));
        }

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger requests = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Queue<Made> during = new ConcurrentLinkedQueue<>();
        ExecutorService traffic = Executors.newFixedThreadPool(4);
        for (int worker = 0; worker < 4; worker++) {
            String context = "worker-" + worker;
            traffic.submit(() -> {
                TestHttp http = http();
                while (!stop.get()) {
                    try {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        Made made = encrypt(http, SecurityTestData.randomBytes(1 + random.nextInt(512)), context);
                        during.add(made);
                        String fresh = check(http, made);
                        String old = check(http, before.get(random.nextInt(before.size())));
                        if (fresh != null) {
                            failures.add(fresh);
                        }
                        if (old != null) {
                            failures.add(old);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(e.toString());
                    }
                    requests.addAndGet(3);
                }
            });
        }
        try {
            awaitMoreTraffic(requests);
            assertThat(rotate().path("version").asInt()).isEqualTo(2);
            awaitMoreTraffic(requests);
            assertThat(rotate().path("version").asInt()).isEqualTo(3);
            awaitMoreTraffic(requests);

            // the operator's new KEK: current now, the old one still configured to unwrap until the re-wrap
            String oldId = ConfiguredKeyEncryptionKeys.derivedId(OLD_KEK);
            String newId = ConfiguredKeyEncryptionKeys.derivedId(NEW_KEK);
            keks.switchTo(new ConfiguredKeyEncryptionKeys(NEW_KEK, null, Map.of(oldId, OLD_KEK)));
            awaitMoreTraffic(requests);
            TestHttp.Response rewrap = http().post("/api/v1/security/kek/rotate", Map.of(), bearer(operator));
            assertThat(rewrap.status()).as(rewrap.body()).isEqualTo(200);
            assertThat(rewrap.json().path("kekId").asString()).isEqualTo(newId);
            assertThat(rewrap.json().path("rewrapped").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(rewrap.json().path("failed").asInt()).isZero();
            awaitMoreTraffic(requests);
        } finally {
            stop.set(true);
            traffic.shutdown();
            assertThat(traffic.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(failures).as("failed requests").isEmpty();
        Set<Integer> versions = new TreeSet<>();
        for (Made made : during) {
            versions.add(made.keyVersion());
        }
        assertThat(versions).as("the traffic spanned both rotations").containsExactly(1, 2, 3);

        // with the old KEK gone from the configuration, everything made before and during still decrypts
        keks.switchTo(new ConfiguredKeyEncryptionKeys(NEW_KEK, null, Map.of()));
        TestHttp http = http();
        for (Made made : before) {
            assertThat(check(http, made)).isNull();
        }
        for (Made made : during) {
            assertThat(check(http, made)).isNull();
        }

        JsonNode keys = setup.get("/api/v1/security/keys", bearer(admin)).json();
        assertThat(keys).hasSize(3);
        assertThat(keys.get(0).path("state").asString()).isEqualTo("ACTIVE");
        assertThat(keys.get(1).path("state").asString()).isEqualTo("RETIRED");
        assertThat(keys.get(2).path("state").asString()).isEqualTo("RETIRED");
        for (JsonNode key : keys) {
            assertThat(key.path("kekId").asString()).isEqualTo(ConfiguredKeyEncryptionKeys.derivedId(NEW_KEK));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM security_data_key WHERE kek_id <> :kek")
                        .param("kek", ConfiguredKeyEncryptionKeys.derivedId(NEW_KEK))
                        .query(Integer.class)
                        .single())
                .as("after the re-wrap every data key is wrapped by the current KEK")
                .isZero();
    }

    JsonNode rotate() {
        TestHttp.Response response = http().post("/api/v1/security/keys/rotate", Map.of(), bearer(admin));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the workers have made another 60 requests, so that each step happens with traffic running. */
    static void awaitMoreTraffic(AtomicInteger requests) {
        int target = requests.get() + 60;
        await().atMost(Duration.ofSeconds(60)).until(() -> requests.get() >= target);
    }
}
