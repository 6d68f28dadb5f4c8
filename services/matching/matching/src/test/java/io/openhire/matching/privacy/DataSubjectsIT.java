package io.openhire.matching.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.matching.MatchingConfiguration;
import io.openhire.matching.index.IndexFields;
import io.openhire.matching.index.MatchIndex;
import io.openhire.matching.index.OrgIndex;
import io.openhire.matching.profiles.CandidateImport;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestTokens;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.DataSubjectRequestListener;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.client.ProfileView;
import io.openhire.resumeprocessing.events.ResumeParsed;
import io.openhire.servicetest.TestServiceAccount;
import io.openhire.skills.SkillsTaxonomy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A data-subject request's part in matching: candidates imported the way matching imports every parsed resume
 * (resume.parsed.v1, then the profile from resume-processing, here a WireMock stub), ranked, shown, given feedback
 * and revealed through the API; then the handler the privacy listener calls, called directly. No embedding model
 * runs (the index serves without vectors); the vectors model-serving would have made are rows of their own.
 */
@SpringBootTest(
        classes = DataSubjectsIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=matching")
class DataSubjectsIT {

    static final TestTokens TOKENS = new TestTokens();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SkillsTaxonomy TAXONOMY = SkillsTaxonomy.load();
    static final WireMockServer RESUME_PROCESSING =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static final String EMAIL = "erin.erased@example.test";
    static final String PHONE = "+4930901777";
    static final String NAME = "Erin Erased";
    static final DataSubject ERIN = new DataSubject(UUID.randomUUID(), "ERASURE", List.of(EMAIL), List.of(PHONE), NAME);

    /** Not a {@code @Configuration}: the service's component scan must not pick it up into MatchingIT. */
    @EnableAutoConfiguration
    @Import(MatchingConfiguration.class)
    static class App {
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("matching", TOKENS);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        RESUME_PROCESSING.start();
        TestInfrastructure.register(registry, "matching_subjects");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        // A group of its own: MatchingIT's context may still be listening in this JVM.
        registry.add("spring.kafka.consumer.group-id", () -> "matching-subjects-" + UUID.randomUUID());
        registry.add("openhire.clients.services.resume-processing.url", RESUME_PROCESSING::baseUrl);
        // Nothing answers there: the index serves without vectors, the built-in ranker ranks.
        registry.add("openhire.clients.services.model-serving.url", () -> "http://127.0.0.1:9");
        registry.add("openhire.clients.services.model-registry.url", () -> "http://127.0.0.1:9");
        String indexDir =
                Files.createTempDirectory("openhire-matching-subjects").toString();
        registry.add("openhire.matching.index-dir", () -> indexDir);
    }

    @AfterAll
    static void stop() {
        RESUME_PROCESSING.stop();
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSubjectHandler handler;

    /** The service answers requests: privacy-client's auto-configuration made the listener for its handler. */
    @Autowired
    DataSubjectRequestListener listener;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MatchIndex index;

    @Test
    void accessGivesWhatMatchingHoldsOfThePersonAndErasureRemovesItFromTheTablesAndTheIndex() {
        UUID org = UUID.randomUUID();
        UUID otherOrg = UUID.randomUUID();
        String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
        UUID erins = parsed(org, NAME, List.of(EMAIL), List.of(PHONE), "");
        UUID erinsWithPhoneOnly = parsed(org, NAME, List.of(), List.of("+49 30 901777"), "");
        // Otto names Erin as his referee: her address and number are in his resume, which is his.
        UUID ottos = parsed(
                org,
                "Otto Other",
                List.of("otto.other@example.test", EMAIL),
                List.of("+442079460000", PHONE),
                "References: Erin Erased, Head of Nursing, " + EMAIL + ", +49 30 901777");
        UUID elsewhere = parsed(otherOrg, NAME, List.of(EMAIL), List.of(PHONE), "");
        UUID job = nurseJob(org);
        UUID otherJob = nurseJob(otherOrg);
        UUID erin = CandidateImport.candidateId(org, EMAIL);
        UUID otto = CandidateImport.candidateId(org, "otto.other@example.test");

        // What recruiters do: list the job's candidates and Erin's jobs, give feedback, reveal.
        JsonNode list = listed(job, recruiter, 3);
        assertThat(candidateIds(list))
                .containsExactlyInAnyOrder(erin.toString(), erinsWithPhoneOnly.toString(), otto.toString());
        assertThat(matches("candidateId=" + erin, recruiter).path("matches")).isNotEmpty();
        feedback(job, erin, "SHORTLISTED", "Erin Erased has ICU experience", recruiter);
        feedback(job, otto, "REJECTED", "no ICU experience", recruiter);
        reveal(job, erin, recruiter);
        reveal(job, otto, recruiter);
        String otherRecruiter = TOKENS.token(UUID.randomUUID(), otherOrg, "RECRUITER");
        listed(otherJob, otherRecruiter, 1);
        feedback(otherJob, CandidateImport.candidateId(otherOrg, EMAIL), "SHORTLISTED", null, otherRecruiter);
        // The vectors model-serving would have computed for the resumes.
        for (UUID resume : List.of(erins, erinsWithPhoneOnly, ottos)) {
            vector(org, resume);
        }
        vector(otherOrg, elsewhere);
        assertThat(index.indexedCounts(org)[0]).isEqualTo(3);
        // New resumes wait in strong_match_check until their strong matches are announced (a few seconds):
        // let that settle, so that what is counted before the erasure is what it erases.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT count(*) FROM strong_match_check WHERE organization_id IN (:orgs)")
                                .param("orgs", List.of(org, otherOrg))
                                .query(Integer.class)
                                .single()
                        == 0);
        int elsewhereBefore = handler.count(otherOrg, ERIN);
        assertThat(elsewhereBefore).isPositive();

        SubjectAnswer access = handler.access(org, ERIN);

        assertThat(access.data().get("candidateIds"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains(erin.toString(), erinsWithPhoneOnly.toString());
        assertThat(rows(access, "resumes"))
                .extracting(r -> r.get("resumeId"))
                .containsExactlyInAnyOrder(erins.toString(), erinsWithPhoneOnly.toString());
        assertThat(rows(access, "resumes"))
                .allSatisfy(r -> assertThat(r.get("name")).isEqualTo(NAME));
        assertThat(rows(access, "shown"))
                .extracting(r -> r.get("direction") + " " + r.get("candidateId"))
                .contains(
                        "JOB_TO_CANDIDATES " + erin,
                        "JOB_TO_CANDIDATES " + erinsWithPhoneOnly,
                        "CANDIDATE_TO_JOBS " + erin);
        assertThat(rows(access, "shown"))
                .allSatisfy(r -> assertThat(r.get("jobId")).isEqualTo(job.toString()));
        assertThat(rows(access, "feedback"))
                .singleElement()
                .satisfies(f -> assertThat(f).containsEntry("outcome", "SHORTLISTED"));
        assertThat(rows(access, "reveals"))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("candidateId", erin.toString()));
        assertThat(access.data().toString())
                .doesNotContain(ottos.toString(), otto.toString(), "Otto", elsewhere.toString(), "no ICU");
        assertThat(access.files()).isEmpty();
        assertThat(access.records()).isEqualTo(handler.count(org, ERIN)).isPositive();

        assertThat(listener).isNotNull();
        // The feedback and reveal events about her (and audit entries) went out and are still kept in the outbox.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(publishedEventsNaming(org, erin.toString())).isGreaterThanOrEqualTo(2));

        int before = handler.count(org, ERIN);
        int erased = transactions.execute(status -> handler.erase(org, ERIN));

        assertThat(erased).isEqualTo(before);
        assertThat(handler.count(org, ERIN)).isZero();
        for (String trace : List.of("erin.erased", "901777", "erin erased")) {
            assertThat(rowsMentioning(org, trace))
                    .as("rows that mention %s", trace)
                    .isSubsetOf(ottos); // his resume names her as his referee: it is his, and stays
        }
        for (UUID id : List.of(erin, erinsWithPhoneOnly, erins)) {
            assertThat(rowsWithId(org, id)).as("rows that hold %s", id).isZero();
            assertThat(publishedEventsNaming(org, id.toString()))
                    .as("published events about %s", id)
                    .isZero();
        }
        assertThat(publishedEventsNaming(org, EMAIL))
                .as("published events with her address")
                .isZero();
        assertThat(publishedEventsNaming(org, otto.toString())).isGreaterThanOrEqualTo(2);
        // The index follows: her documents go from the search and from its files; Otto's stays.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(index.indexedCounts(org)[0]).isEqualTo(1);
            int documents = candidates(org).search(s -> s.getIndexReader().maxDoc());
            assertThat(documents).as("deleted documents expunged").isEqualTo(1);
        });
        int ottosDocuments =
                candidates(org).search(s -> s.count(new TermQuery(new Term(IndexFields.ID, ottos.toString()))));
        assertThat(ottosDocuments).isEqualTo(1);
        assertThat(candidateIds(matches("jobId=" + job, recruiter))).containsExactly(otto.toString());
        // Otto's feedback and reveal, and Erin in the other organisation, stay.
        assertThat(rowsWithId(org, otto)).isPositive();
        assertThat(handler.count(otherOrg, ERIN)).isEqualTo(elsewhereBefore);
        assertThat(index.indexedCounts(otherOrg)[0]).isEqualTo(1);

        int again = transactions.execute(status -> handler.erase(org, ERIN));
        assertThat(again).as("a redelivered request finds nothing left").isZero();
        assertThat(handler.access(org, ERIN).records()).isZero();
    }

    @Test
    void whatNamesThePersonIsErasedAlsoWhenTheirResumesWentFirstWithResumeDeleted() {
        UUID org = UUID.randomUUID();
        String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
        UUID erins = parsed(org, NAME, List.of(EMAIL), List.of(PHONE), "");
        UUID job = nurseJob(org);
        UUID erin = CandidateImport.candidateId(org, EMAIL);
        listed(job, recruiter, 1);
        feedback(job, erin, "INTERVIEWED", null, recruiter);
        reveal(job, erin, recruiter);
        // resume-ingestion erased her resume first: matching deletes the resume and its identity as always.
        publish(ResumeDeleted.TOPIC, erins, new ResumeDeleted(erins, org, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM candidate_resume WHERE resume_id = :id")
                                .param("id", erins)
                                .query(Integer.class)
                                .single()
                        == 0);
        assertThat(handler.count(org, ERIN))
                .as("the lists, feedback and reveal that name her")
                .isPositive();

        int erased = transactions.execute(status -> handler.erase(org, ERIN));

        assertThat(erased).isPositive();
        assertThat(handler.count(org, ERIN)).isZero();
        assertThat(rowsWithId(org, erin)).isZero();
        assertThat(rowsWithId(org, erins)).isZero();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    JsonNode matches(String query, String token) {
        TestHttp.Response response = http().get("/api/v1/matches?" + query, bearer(token));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The job's list once all {@code candidates} are in it (each list asked for is recorded). */
    JsonNode listed(UUID job, String token, int candidates) {
        JsonNode[] list = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    TestHttp.Response response = http().get("/api/v1/matches?jobId=" + job, bearer(token));
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    assertThat(response.json().path("matches")).hasSize(candidates);
                    list[0] = response.json();
                });
        return list[0];
    }

    static List<String> candidateIds(JsonNode list) {
        List<String> ids = new java.util.ArrayList<>();
        list.path("matches").forEach(m -> ids.add(m.path("candidateId").asString()));
        return ids;
    }

    void feedback(UUID job, UUID candidate, String outcome, String reason, String token) {
        TestHttp.Response recorded = http().post(
                        "/api/v1/matches/feedback",
                        reason == null
                                ? map("jobId", job, "candidateId", candidate, "outcome", outcome)
                                : map("jobId", job, "candidateId", candidate, "outcome", outcome, "reason", reason),
                        bearer(token));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    void reveal(UUID job, UUID candidate, String token) {
        TestHttp.Response revealed =
                http().post("/api/v1/matches/reveal", map("jobId", job, "candidateId", candidate), bearer(token));
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
    }

    /** A nurse's resume, parsed: resume-processing's profile stubbed, resume.parsed.v1 published. */
    static UUID parsed(UUID org, String name, List<String> emails, List<String> phones, String more) {
        UUID id = UUID.randomUUID();
        String text = String.join(
                "\n",
                name,
                "Registered Nurse",
                String.join(" | ", emails) + " " + String.join(" | ", phones),
                "EXPERIENCE",
                "Registered Nurse, St. Mary's Hospital, Austin, Texas, 2019 to present",
                "Patient care and medication administration on a surgical ward.",
                more);
        CandidateProfile profile = new CandidateProfile(
                name,
                emails,
                phones,
                new CandidateProfile.Location("Austin", "Texas", "US", "Austin, Texas"),
                null,
                "Registered Nurse",
                null,
                List.of(new CandidateProfile.Work(
                        "Registered Nurse", "St. Mary's Hospital", "Austin, Texas", "2019-01", null, true, 80)),
                List.of(),
                List.of(),
                List.of("en"),
                List.of(),
                6.0,
                Map.of(),
                0.9,
                "parser-test",
                TAXONOMY.version(),
                CandidateProfile.Mentions.NONE);
        ProfileView view = new ProfileView(
                id, ProfileView.PARSED, null, 1, "parser-test", TAXONOMY.version(), 40, Instant.now(), profile, text);
        RESUME_PROCESSING.stubFor(get(urlPathEqualTo("/api/v1/resumes/" + id + "/profile"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(JSON.writeValueAsString(view))));
        publish(
                ResumeParsed.TOPIC,
                id,
                new ResumeParsed(
                        id,
                        org,
                        1,
                        "parser-test",
                        TAXONOMY.version(),
                        "Registered Nurse",
                        List.of("Registered Nurse"),
                        List.of(),
                        6.0,
                        new ResumeParsed.Location("Austin", "Texas", "US"),
                        null,
                        List.of("en"),
                        Instant.now()));
        return id;
    }

    /** An open nurse job, as job-processing announces it. */
    static UUID nurseJob(UUID org) {
        UUID id = UUID.randomUUID();
        publish(
                JobOptimized.TOPIC,
                id,
                new JobOptimized(
                        id,
                        org,
                        1,
                        "OPEN",
                        null,
                        "Registered Nurse",
                        "Austin General",
                        "MID",
                        2,
                        List.of(new JobOptimized.JobSkill(null, "patient care")),
                        List.of(),
                        List.of("surgical ward"),
                        "ON_SITE",
                        List.of(new JobOptimized.Location("Austin", "Texas", "US")),
                        null,
                        70,
                        TAXONOMY.version(),
                        Instant.now()));
        return id;
    }

    void vector(UUID org, UUID resume) {
        jdbc.sql("""
                        INSERT INTO embedding (kind, id, model_version, organization_id, text_sha256, vector)
                        VALUES ('RESUME', :id, 1, :org, 'test', :vector)
                        """)
                .param("id", resume)
                .param("org", org)
                .param("vector", new byte[] {1, 2, 3, 4})
                .update();
    }

    OrgIndex.Side candidates(UUID org) {
        Optional<OrgIndex> orgIndex = index.current().existing(org);
        assertThat(orgIndex).isPresent();
        return orgIndex.get().candidates();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(SubjectAnswer answer, String kind) {
        return (List<Map<String, Object>>) answer.data().get(kind);
    }

    /** The resumes whose identity, facts or text mention {@code text}, and feedback reasons that do (by resume). */
    List<UUID> rowsMentioning(UUID org, String text) {
        return jdbc.sql("""
                        SELECT r.resume_id FROM candidate_resume r LEFT JOIN candidate_identity i ON i.resume_id = r.resume_id
                        WHERE r.organization_id = :org
                          AND lower(concat_ws(' ', i.name, i.emails::text, i.phones::text, r.facts::text, r.search_text))
                              LIKE :like
                        UNION
                        SELECT resume_id FROM match_feedback WHERE organization_id = :org AND lower(reason) LIKE :like
                        """)
                .param("org", org)
                .param("like", "%" + text + "%")
                .query(UUID.class)
                .list();
    }

    /** Published events of the organisation still in the outbox whose payload holds {@code text}. */
    int publishedEventsNaming(UUID org, String text) {
        return jdbc.sql("""
                        SELECT count(*) FROM outbox_event
                        WHERE organization_id = :org AND published_at IS NOT NULL AND payload LIKE :text
                        """)
                .param("org", org)
                .param("text", "%" + text + "%")
                .query(Integer.class)
                .single();
    }

    /** Rows of the organisation that hold {@code id} as a resume, candidate or list subject. */
    int rowsWithId(UUID org, UUID id) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM candidate_resume
                                WHERE organization_id = :org AND (resume_id = :id OR candidate_id = :id))
                             + (SELECT count(*) FROM candidate_identity WHERE organization_id = :org AND resume_id = :id)
                             + (SELECT count(*) FROM embedding WHERE organization_id = :org AND id = :id)
                             + (SELECT count(*) FROM strong_match_check WHERE organization_id = :org AND resume_id = :id)
                             + (SELECT count(*) FROM match_run WHERE organization_id = :org AND subject_id = :id)
                             + (SELECT count(*) FROM match_shown
                                WHERE organization_id = :org AND (resume_id = :id OR candidate_id = :id))
                             + (SELECT count(*) FROM match_feedback
                                WHERE organization_id = :org AND (resume_id = :id OR candidate_id = :id))
                             + (SELECT count(*) FROM candidate_reveal WHERE organization_id = :org AND candidate_id = :id)
                        """)
                .param("org", org)
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    static void publish(String topic, UUID key, Object event) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(topic, key.toString(), JSON.writeValueAsString(event));
            record.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            producer.flush();
        }
    }
}
