package io.openhire.launcher;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.test.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Last night's backup restored into a fresh installation, as an operator who lost the machine does it: the platform
 * with its demo data and an agency of its own is backed up through the API and stopped; {@code restore} puts the
 * backup into a new data directory; the platform started there has the same people, the same candidates, a resume's
 * original bytes and the same ranking for a job — and a candidate erased after the backup was taken, who is in the
 * backup, is erased again. Starts two platforms on the ports a new user's has (not while {@link AllInOneIT}'s runs).
 */
class BackupRestoreIT {

    static final String PASSWORD = AllInOneIT.PASSWORD;
    static final String RUTH_EMAIL = "ruth.restored@restorers.test";

    final TestHttp gateway = new TestHttp("http://localhost:8080");

    @BeforeAll
    static void oneLoggingSetupForManyContexts() {
        AllInOneIT.oneLoggingSetupForManyContexts();
    }

    record Facts(long candidates, String resumeId, String originalSha256, String jobId, List<String> ranking) {}

    @Test
    void aBackupRestoredIntoAFreshInstallationHasItsPeopleDocumentsAndRankings(
            @TempDir Path dataDir, @TempDir Path elsewhere) throws Exception {
        Path restored = elsewhere.resolve("restored");
        String backup;
        String ruthsResume;
        Facts before;
        String demoEmail;
        String demoPassword;
        AllInOneIT.Started first = AllInOneIT.start(dataDir);
        try {
            assertThat(first.up()).as(first.console()).isTrue();
            Matcher demo = Pattern.compile("Demo admin\\s+(\\S+) / (\\S+)").matcher(first.console());
            assertThat(demo.find()).as(first.console()).isTrue();
            demoEmail = demo.group(1);
            demoPassword = demo.group(2);
            assertThat(gateway.post(
                                    "/api/v1/users/register",
                                    map(
                                            "organization",
                                            "Restorers",
                                            "name",
                                            "Rita Restore",
                                            "email",
                                            "rita@restorers.test",
                                            "password",
                                            PASSWORD))
                            .status())
                    .isEqualTo(202);
            String operator = login(demoEmail, demoPassword);
            // the demo's candidates are made from its parsed resumes, after the start: wait until every one is there
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                long resumes = gateway.get("/api/v1/resumes?size=100", bearer(operator))
                        .json()
                        .get("items")
                        .size();
                long candidates = gateway.get("/api/v1/candidates?size=100", bearer(operator))
                        .json()
                        .get("total")
                        .asLong();
                return resumes > 0 && candidates == resumes;
            });
            before = facts(operator);
            String rita = login("rita@restorers.test", PASSWORD);
            ruthsResume = upload(rita);

            TestHttp.Response started = gateway.post("/api/v1/backups", map(), bearer(operator));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            backup = started.json().get("name").asString();
            JsonNode done = await().atMost(Duration.ofMinutes(3))
                    .until(
                            () -> find(
                                    gateway.get("/api/v1/backups", bearer(operator))
                                            .json(),
                                    backup),
                            b -> b != null && b.get("status").asString().equals("complete"));
            assertThat(done.get("databases").asInt()).isEqualTo((int)
                    AllInOne.SERVICES.stream().filter(ServiceModule::database).count());
            assertThat(done.get("objects").asLong()).isPositive();

            // after the backup, Ruth asks to be forgotten: she is in the backup, not in the platform any more
            String erasure = gateway.post(
                            "/api/v1/privacy/requests",
                            map("type", "ERASURE", "email", RUTH_EMAIL, "name", "Ruth Restored", "source", "EMAIL"),
                            bearer(rita))
                    .json()
                    .get("id")
                    .asString();
            await().atMost(Duration.ofMinutes(2))
                    .untilAsserted(() -> assertThat(gateway.get("/api/v1/privacy/requests/" + erasure, bearer(rita))
                                    .json()
                                    .get("status")
                                    .asString())
                            .isEqualTo("COMPLETED"));
            assertThat(gateway.get("/api/v1/resumes/" + ruthsResume, bearer(rita))
                            .status())
                    .isEqualTo(404);
        } finally {
            first.platform().stop();
        }

        Path file = dataDir.resolve("backups").resolve(backup);
        // never into an installation with data in it
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(RestoreCommand.run(
                        RestoreCommand.Options.parse(
                                new String[] {"restore", file.toString(), "--data-dir=" + dataDir}),
                        new PrintStream(refused, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(refused.toString(StandardCharsets.UTF_8)).contains("is not empty");
        // the key beside the backup's installation is found by itself; a copy elsewhere is given
        Path keyCopy = Files.copy(dataDir.resolve("secrets").resolve("backup.key"), elsewhere.resolve("backup.key"));
        Path moved = Files.copy(file, elsewhere.resolve(backup));
        // the backups directory as copied off the machine: the backups and the ledger of completed erasures
        Files.copy(dataDir.resolve("backups").resolve("erasures.ledger"), elsewhere.resolve("erasures.ledger"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit = RestoreCommand.run(
                RestoreCommand.Options.parse(
                        new String[] {"restore", moved.toString(), "--key-file=" + keyCopy, "--data-dir=" + restored}),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(exit).as(console.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("✓ identity", "✓ matching", "✓ objects", "✓ erasures");

        AllInOneIT.Started second = AllInOneIT.start(restored);
        try {
            assertThat(second.up()).as(second.console()).isTrue();
            // the same demo admin (and password: its seed is one of the restored keys), the demo data not seeded again
            assertThat(second.console()).contains(demoPassword);
            String operator = login(demoEmail, demoPassword);
            String rita = login("rita@restorers.test", PASSWORD);
            // Ruth came back with the backup; her erasure, from the ledger, is done again
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                JsonNode replayed = null;
                for (JsonNode request :
                        gateway.get("/api/v1/privacy/requests", bearer(rita)).json()) {
                    if ("RESTORE".equals(request.get("source").asString(""))) {
                        replayed = request;
                    }
                }
                assertThat(replayed)
                        .as("an erasure filed again from the ledger")
                        .isNotNull();
                assertThat(replayed.get("status").asString()).isEqualTo("COMPLETED");
            });
            assertThat(gateway.get("/api/v1/resumes/" + ruthsResume, bearer(rita))
                            .status())
                    .isEqualTo(404);
            Facts after = await().atMost(Duration.ofMinutes(3))
                    .ignoreExceptions()
                    .until(() -> facts(operator), f -> f.ranking().equals(before.ranking()));
            assertThat(after).isEqualTo(before);
        } finally {
            second.platform().stop();
        }
    }

    /** What the restore must bring back: the candidates, a resume's original file, a job's shortlist order. */
    private Facts facts(String token) throws Exception {
        long candidates = gateway.get("/api/v1/candidates?size=100", bearer(token))
                .json()
                .get("total")
                .asLong();
        JsonNode resume = gateway.get("/api/v1/resumes?size=1", bearer(token))
                .json()
                .get("items")
                .get(0);
        String resumeId = resume.get("id").asString();
        byte[] original = gateway.getBytes("/api/v1/resumes/" + resumeId + "/original", bearer(token));
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
        String jobId = gateway.get("/api/v1/jobs", bearer(token))
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        List<String> ranking =
                await().atMost(Duration.ofMinutes(3)).until(() -> ranking(token, jobId), r -> !r.isEmpty());
        return new Facts(candidates, resumeId, sha, jobId, ranking);
    }

    /** Ruth's resume, uploaded to Rita's agency and parsed. */
    private String upload(String token) {
        return ResumeUploads.uploadParsed(
                gateway,
                token,
                "ruth.pdf",
                List.of(
                        "Ruth Restored",
                        RUTH_EMAIL,
                        "+44 20 7946 0321",
                        "Experience",
                        "Java developer at Acme, 2019 to 2026"),
                Duration.ofSeconds(90));
    }

    private List<String> ranking(String token, String jobId) {
        TestHttp.Response response = gateway.get("/api/v1/matches?jobId=" + jobId + "&limit=20", bearer(token));
        List<String> ids = new ArrayList<>();
        if (response.status() == 200) {
            for (JsonNode line : response.json().get("matches")) {
                ids.add(line.get("candidate").get("name").asString("") + " "
                        + line.get("resumeIds").toString());
            }
        }
        return ids;
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (item.get("name").asString().equals(name)) {
                return item;
            }
        }
        return null;
    }

    private String login(String email, String password) {
        return gateway.post("/api/v1/users/login", map("email", email, "password", password))
                .json()
                .get("access_token")
                .asString();
    }
}
