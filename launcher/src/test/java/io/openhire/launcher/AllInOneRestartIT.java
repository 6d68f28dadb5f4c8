package io.openhire.launcher;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestKafka;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform stopped and started again on its data directory, and a start that cannot succeed. Each
 * scenario starts its own platform (on the ports a new user's has, so not while {@link AllInOneIT}'s runs).
 */
class AllInOneRestartIT {

    static final String PASSWORD = AllInOneIT.PASSWORD;

    final TestHttp gateway = new TestHttp("http://localhost:8080");

    @BeforeAll
    static void oneLoggingSetupForManyContexts() {
        AllInOneIT.oneLoggingSetupForManyContexts();
    }

    @Test
    void aRestartKeepsUsersDocumentsEventsAndTheDemoLogin(@TempDir Path dataDir) throws Exception {
        AllInOneIT.Started before = AllInOneIT.start(dataDir);
        try {
            assertThat(before.up()).as(before.console()).isTrue();
            assertThat(gateway.post(
                                    "/api/v1/users/register",
                                    map(
                                            "organization",
                                            "Keepers",
                                            "name",
                                            "Kim Keeper",
                                            "email",
                                            "kim@keepers.test",
                                            "password",
                                            PASSWORD))
                            .status())
                    .isEqualTo(202);
            assertThat(gateway.putRaw(
                                    "/api/v1/data/documents/kim/cv.txt",
                                    "text/plain",
                                    "Kim Keeper, talent partner".getBytes(StandardCharsets.UTF_8),
                                    bearer(login("kim@keepers.test", PASSWORD)))
                            .status())
                    .isEqualTo(201);
        } finally {
            before.platform().stop();
        }

        AllInOneIT.Started started = AllInOneIT.start(dataDir);
        try {
            assertThat(started.up()).as(started.console()).isTrue();
            String token = login("kim@keepers.test", PASSWORD);
            // Documents (and the key that encrypts them) survive the restart.
            assertThat(gateway.get("/api/v1/data/documents/kim/cv.txt", bearer(token))
                            .body())
                    .isEqualTo("Kim Keeper, talent partner");

            // Events published before the restart are still on Kafka.
            Matcher kafka = Pattern.compile("kafka\\s+single node \\(KRaft\\) at (\\S+),")
                    .matcher(started.console());
            assertThat(kafka.find()).as(started.console()).isTrue();
            assertThat(TestKafka.read(
                            kafka.group(1),
                            "organization.registered.v1",
                            r -> r.value().contains("Keepers"),
                            1))
                    .hasSize(1);

            // The demo admin made at the first start signs in with the password the console shows again.
            Matcher demo = Pattern.compile("Demo admin\\s+(\\S+) / (\\S+)").matcher(started.console());
            assertThat(demo.find()).as(started.console()).isTrue();
            assertThat(before.console()).contains(demo.group(2));
            TestHttp.Response demoLogin =
                    gateway.post("/api/v1/users/login", map("email", demo.group(1), "password", demo.group(2)));
            assertThat(demoLogin.status()).isEqualTo(200);
        } finally {
            started.platform().stop();
        }
    }

    @Test
    void aServiceThatCannotStartIsNamedWithItsReason(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(8101, 50, InetAddress.getByName("0.0.0.0"))) {
            AllInOneIT.Started started = AllInOneIT.start(dataDir);

            assertThat(started.up()).isFalse();
            assertThat(started.console()).contains("✗ identity").contains("port 8101 is already in use");
            assertThat(started.console()).doesNotContain("\tat org.springframework");
        }
    }

    private String login(String email, String password) {
        return gateway.post("/api/v1/users/login", map("email", email, "password", password))
                .json()
                .get("access_token")
                .asString();
    }
}
