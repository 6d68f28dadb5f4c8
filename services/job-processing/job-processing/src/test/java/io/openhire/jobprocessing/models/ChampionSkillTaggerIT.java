package io.openhire.jobprocessing.models;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.jobprocessing.JobProcessingConfiguration;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestHttp.Part;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestServices;
import io.openhire.platform.test.TestTokens;
import io.openhire.servicetest.TestServiceAccount;
import io.openhire.servicetest.TestStorage;
import io.openhire.skills.SkillTagger;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.TaggedSentence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * job-processing reads ads with the registry's champion skill tagger: with the real registry and storage (this
 * test's own, so it may move their champion), a version trained here and promoted is what the service tags
 * with moments later, through {@code model.promoted.v1}, and a rollback brings back the shipped tagger.
 */
@SpringBootTest(
        classes = ChampionSkillTaggerIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=job-processing")
class ChampionSkillTaggerIT {

    static final TestTokens TOKENS = new TestTokens();
    static TestStorage storage;
    static TestServices.Running registry;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(JobProcessingConfiguration.class)
    static class App {
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("job-processing", TOKENS);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) throws Exception {
        storage = TestStorage.start(TOKENS);
        io.openhire.testsupport.RegistryForJobProcessingTests.tokens = TOKENS;
        registry = TestServices.start(
                "model-registry",
                io.openhire.testsupport.RegistryForJobProcessingTests.class,
                TOKENS,
                Map.of(
                        "openhire.clients.services.storage.url",
                        storage.url(),
                        "openhire.model-registry.seed-retry",
                        "1s",
                        "openhire.model-registry.work-dir",
                        Files.createTempDirectory("openhire-registry").toString()));
        TestInfrastructure.register(properties, "job_processing");
        properties.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        properties.add("openhire.clients.services.model-registry.url", registry::url);
        properties.add("openhire.job-processing.model-check-delay", () -> "PT0.5S");
        // Swaps must come from model.promoted.v1, not from the periodic check.
        properties.add("openhire.job-processing.model-check", () -> "PT1H");
    }

    @AfterAll
    static void stop() {
        registry.close();
        storage.close();
    }

    @Autowired
    ChampionSkillTagger tagger;

    final String operator = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), PlatformRoles.OPERATOR);

    TestHttp registryHttp() {
        return new TestHttp(registry.url());
    }

    /** A tagger that learned one odd thing: "daily" is a skill (the shipped one never says so). */
    static byte[] oddTagger() throws Exception {
        List<TaggedSentence> sentences = new ArrayList<>();
        for (String tool : List.of("Java", "Excel", "Jira", "Figma", "SQL", "Python", "Slack", "Git")) {
            sentences.add(new TaggedSentence(
                    List.of("We", "use", tool, "daily", "."), List.of("O", "O", "O", "B-Skill", "O"), 1));
            sentences.add(new TaggedSentence(
                    List.of("You", "ship", tool, "code", "daily"), List.of("O", "O", "O", "O", "B-Skill"), 1));
        }
        CrfModel model = SkillTagger.train(
                SkillTagger.features(SkillsTaxonomy.load()),
                sentences,
                new CrfTrainer.Params(10, 0.1, 1e-5, 42),
                (e, l, m) -> {},
                () -> false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    boolean tagsDaily() {
        String text = "Our team ships code daily.";
        return tagger.get().spans(text).stream()
                .anyMatch(s -> text.substring(s.start(), s.end()).equals("daily"));
    }

    @Test
    void aPromotedVersionIsWhatAdsAreReadWithAndARollbackBringsBackTheShippedTagger() throws Exception {
        // At start: the registry's version 1, which is the tagger this service ships.
        await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(1).equals(tagger.version()));
        assertThat(tagsDaily()).isFalse();

        byte[] artifact = oddTagger();
        TestHttp.Response registered = registryHttp()
                .postMultipart(
                        "/api/v1/models/update",
                        List.of(
                                Part.file("metadata", "metadata.json", "application/json", """
                                {"name": "skill-extraction", "task": "token-classification", "features": "%s",
                                 "artifactSha256": "%s", "metrics": {"span-f1": 0.5, "span-f1-vs-champion": 0.01}}""".formatted(
                                                SkillTagger.FEATURES, Sha256.hex(artifact))
                                        .getBytes(StandardCharsets.UTF_8)),
                                Part.file("artifact", "skill-extraction.crf", "application/octet-stream", artifact)),
                        bearer(operator));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        int version = registered.json().path("version").asInt();

        TestHttp.Response promoted = registryHttp()
                .post(
                        "/api/v1/models/update",
                        map("action", "PROMOTE", "name", "skill-extraction", "version", version, "reason", "test"),
                        bearer(operator));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Integer.valueOf(version).equals(tagger.version()));
        assertThat(tagsDaily()).isTrue();

        TestHttp.Response rolledBack = registryHttp()
                .post(
                        "/api/v1/models/update",
                        map("action", "ROLLBACK", "name", "skill-extraction", "reason", "test"),
                        bearer(operator));
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(1).equals(tagger.version()));
        assertThat(tagsDaily()).isFalse();
    }
}
