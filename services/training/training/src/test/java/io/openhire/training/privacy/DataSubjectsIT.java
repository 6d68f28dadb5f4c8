package io.openhire.training.privacy;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.training.Zips.unzip;
import static io.openhire.training.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestHttp.Part;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.DataSubjectRequestListener;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.servicetest.TestServiceAccount;
import io.openhire.training.TrainingConfiguration;
import io.openhire.training.client.TrainingJobView;
import io.openhire.training.datasets.Datasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * A data-subject request's part in training: datasets an operator imported through the API that hold the person's
 * resume, someone else's resume naming them as a referee, a job-ad sentence with their address, and other people's
 * data; jobs that trained on them, as a finished or cancelled run leaves them (rows: training for real is
 * TrainingIT's). Then the handler the privacy listener calls, called directly, for a request from an organisation
 * that imported none of it: datasets are platform data.
 */
@SpringBootTest(
        classes = DataSubjectsIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=training")
class DataSubjectsIT {

    static final TestTokens TOKENS = new TestTokens();

    static final String EMAIL = "erin.erased@example.test";
    static final DataSubject ERIN =
            new DataSubject(UUID.randomUUID(), "ERASURE", List.of(EMAIL), List.of("+4915127384950"), "Erin Erased");

    /** Not a {@code @Configuration}: training's component scan must not pick it up into TrainingIT. */
    @EnableAutoConfiguration
    @Import(TrainingConfiguration.class)
    static class App {
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("training", TOKENS);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "training_subjects");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
    }

    @AfterAll
    static void stop() {
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
    Datasets datasets;

    @Autowired
    JsonMapper json;

    final UUID operatorsOrg = UUID.randomUUID();
    final String operator = TOKENS.token(UUID.randomUUID(), operatorsOrg, PlatformRoles.OPERATOR);
    /** The organisation whose admin filed the request: it never imported anything. */
    final UUID org = UUID.randomUUID();

    static final String ERINS_RESUME = resume("Erin Erased", EMAIL + " | +49 151 2738 4950", "Registered Nurse", "");
    static final String OTTOS_RESUME = resume("Otto Other", "otto.other@example.test", "Accountant", "");
    static final String LENAS_RESUME =
            resume("Lena Vogt", "lena.vogt@example.test", "Data Analyst", "References: Erin Erased, 0151 2738 4950\n");

    static final String JAVA_AD = ad("Experience with Java is required.", "Java");
    static final String ERINS_AD = ad("Send your CV to " + EMAIL + " if you know Kafka.", "Kafka");

    @Test
    void theItemsHoldingThePersonAreGivenOutThenErasedOnceAndTheModelsTrainedOnThemAreMarked() throws IOException {
        Map<String, String> cvs = new LinkedHashMap<>();
        cvs.put("cv/erin.xml", ERINS_RESUME);
        cvs.put("cv/otto.xml", OTTOS_RESUME);
        cvs.put("cv/lena.xml", LENAS_RESUME);
        byte[] resumesZip = zip(cvs);
        UUID resumes = importDataset("resumes " + UUID.randomUUID(), "ANNOTATED_XML", "resume-fields", resumesZip);
        UUID ads = importDataset("ads " + UUID.randomUUID(), "JSONL", "skill-extraction", utf8(JAVA_AD + ERINS_AD));
        // what is left of "ads" once Erin's sentence is out, imported as a dataset of its own
        UUID javaAds = importDataset("java ads " + UUID.randomUUID(), "JSONL", "skill-extraction", utf8(JAVA_AD));
        UUID trainedOnResumes = job("SUCCEEDED", 7, List.of(resumes), List.of());
        UUID trainedOnAds = job("SUCCEEDED", 8, List.of(ads), List.of());
        UUID cancelled = job("CANCELLED", null, List.of(resumes), List.of());
        UUID evaluatedOnResumes = job("SUCCEEDED", 9, List.of(javaAds), List.of(resumes));
        String othersContent = contentOf(javaAds);

        SubjectAnswer access = handler.access(org, ERIN);

        assertThat(access.records()).isEqualTo(3);
        assertThat(access.files()).isEmpty();
        // where she is, not what: the datasets are the platform's, and any organisation's admin can ask
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> datasetsHoldingHer =
                (List<Map<String, Object>>) access.data().get("trainingData");
        assertThat(datasetsHoldingHer)
                .extracting(d -> d.get("datasetId"), d -> d.get("task"), d -> d.get("items"))
                .containsExactly(
                        tuple(resumes.toString(), "resume-fields", 2), tuple(ads.toString(), "skill-extraction", 1));
        assertThat(access.data().toString()).doesNotContain("Erin", "erin.erased", "otto", "lena", "Java");
        assertThat(handler.count(org, ERIN)).isEqualTo(3);
        assertThat(listener).isNotNull();

        int erased = transactions.execute(status -> handler.erase(org, ERIN));

        assertThat(erased).isEqualTo(3);
        assertThat(handler.count(org, ERIN)).isZero();
        assertThat(handler.count(operatorsOrg, ERIN))
                .as("datasets are platform data")
                .isZero();
        // The resumes: only Otto's is left, as it was; the dataset keeps its id and is counted as an import counts
        Map<String, Object> resumesRow = row(resumes);
        Map<String, String> left = unzip((byte[]) resumesRow.get("content"));
        assertThat(left).containsOnlyKeys("cv/otto.xml").containsEntry("cv/otto.xml", OTTOS_RESUME);
        assertThat(resumesRow)
                .containsEntry("sentences", 1)
                .containsEntry("spans", 3)
                .containsEntry("erased_items", 2)
                .containsEntry("sha256", Sha256.hex((byte[]) resumesRow.get("content")))
                .containsEntry("size_bytes", (long) ((byte[]) resumesRow.get("content")).length);
        assertThat(resumesRow.get("sha256")).isNotEqualTo(Sha256.hex(resumesZip));
        assertThat(resumesRow.get("erased_at")).isNotNull();
        assertThat(datasets.items(resumes)).hasSize(1);
        // The ads: the Java sentence is left, byte for byte the "java ads" dataset; both stay, each with its jobs
        assertThat(contentOf(ads)).isEqualTo(othersContent);
        assertThat(row(ads))
                .containsEntry("sentences", 1)
                .containsEntry("spans", 1)
                .containsEntry("erased_items", 1);
        assertThat(row(ads).get("sha256")).isEqualTo(row(javaAds).get("sha256"));
        assertThat(row(javaAds)).containsEntry("erased_items", 0).containsEntry("erased_at", null);
        // Importing that content again finds the dataset imported as it is
        TestHttp.Response again = importResponse("java ads again", "JSONL", "skill-extraction", utf8(JAVA_AD));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(javaAds.toString());

        // The jobs whose models learned from an erased item say so, with the model to train again
        JsonNode marked = jobJson(trainedOnResumes);
        assertThat(marked.path("retrainReason").asString()).contains("personal data", "resumes");
        assertThat(marked.path("retrainRequestedAt").asString()).isNotBlank();
        assertThat(marked.path("modelName").asString()).isEqualTo("resume-fields");
        assertThat(marked.path("modelVersion").asInt()).isEqualTo(7);
        assertThat(marked.path("log").toString())
                .contains("took 2 items out of dataset")
                .doesNotContain("erin");
        TrainingJobView view = json.readValue(marked.toString(), TrainingJobView.class);
        assertThat(view.retrainReason()).isEqualTo(marked.path("retrainReason").asString());
        assertThat(jobJson(trainedOnAds).path("retrainReason").asString()).contains("ads");
        for (UUID unmarked : List.of(cancelled, evaluatedOnResumes)) {
            assertThat(jobJson(unmarked).path("retrainReason").isNull())
                    .as("job %s", unmarked)
                    .isTrue();
        }
        // and the datasets how many items went and when, not whose
        JsonNode listed = new TestHttp("http://localhost:" + port)
                .get("/api/v1/train/data", bearer(operator))
                .json();
        JsonNode resumesView = find(listed, resumes);
        assertThat(resumesView.path("erasedItems").asInt()).isEqualTo(2);
        assertThat(Instant.parse(resumesView.path("erasedAt").asString())).isNotNull();
        assertThat(resumesView.path("sentences").asInt()).isEqualTo(1);
        assertThat(listed.toString()).doesNotContainIgnoringCase("erin");

        // A redelivered request finds nothing and changes nothing
        Object markedAt = jdbc.sql("SELECT retrain_requested_at FROM training_job WHERE id = :id")
                .param("id", trainedOnResumes)
                .query()
                .singleValue();
        int redelivered = transactions.execute(status -> handler.erase(org, ERIN));
        assertThat(redelivered).isZero();
        assertThat(row(resumes)).containsEntry("erased_items", 2);
        assertThat(jdbc.sql("SELECT retrain_requested_at FROM training_job WHERE id = :id")
                        .param("id", trainedOnResumes)
                        .query()
                        .singleValue())
                .isEqualTo(markedAt);
        assertThat(handler.access(org, ERIN).records()).isZero();
    }

    @Test
    void aDatasetWhoseOnlyItemIsThePersonsIsLeftEmptyAndTrainsNothing() {
        String email = "solo." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        DataSubject solo = new DataSubject(UUID.randomUUID(), "ERASURE", List.of(email), List.of(), "Solo");
        UUID single = importDataset(
                "one resume " + UUID.randomUUID(),
                "ANNOTATED_XML",
                "resume-fields",
                utf8(resume("Solo Person", email, "Nurse", "")));

        int erased = transactions.execute(status -> handler.erase(org, solo));

        assertThat(erased).isEqualTo(1);
        assertThat(row(single))
                .containsEntry("sentences", 0)
                .containsEntry("spans", 0)
                .containsEntry("size_bytes", 0L)
                .containsEntry("erased_items", 1);
        assertThat((byte[]) row(single).get("content")).isEmpty();
        assertThat(datasets.items(single)).isEmpty();
        assertThat(handler.count(org, solo)).isZero();
    }

    /** A JSONL line: the text, with {@code skill} labelled. */
    static String ad(String text, String skill) {
        int start = text.indexOf(skill);
        return "{\"text\": \"%s\", \"spans\": [{\"start\": %d, \"end\": %d, \"label\": \"Skill\"}]}\n"
                .formatted(text, start, start + skill.length());
    }

    static String resume(String name, String contact, String title, String more) {
        return "<cv><label type=\"Name\">" + name + "</label>\n" + contact
                + "\n\nEXPERIENCE\n<label type=\"Designation\">"
                + title + "</label> at <label type=\"Companies worked at\">Hooli</label>\n2019 - 2022\n" + more
                + "</cv>\n";
    }

    UUID importDataset(String name, String format, String task, byte[] content) {
        TestHttp.Response imported = importResponse(name, format, task, content);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        return UUID.fromString(imported.json().path("id").asString());
    }

    TestHttp.Response importResponse(String name, String format, String task, byte[] content) {
        return new TestHttp("http://localhost:" + port)
                .postMultipart(
                        "/api/v1/train/data",
                        List.of(
                                Part.file("file", "data", "application/octet-stream", content),
                                Part.field("name", name),
                                Part.field("format", format),
                                Part.field("task", task),
                                Part.field("licence", "CC0 1.0")),
                        bearer(operator));
    }

    /** A job as the worker leaves it (trained, registered) or as it was never taken. */
    UUID job(String status, Integer version, List<UUID> train, List<UUID> dev) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO training_job (id, organization_id, task, model_name, dataset_ids, dev_dataset_ids,
                            params, status, model_version, created_by, created_at, started_at, finished_at)
                        VALUES (:id, :org, 'resume-fields', 'resume-fields', :train, :dev, CAST(:params AS jsonb),
                            :status, :version, 'user:test', now(), now(), now())
                        """)
                .param("id", id)
                .param("org", operatorsOrg)
                .param("train", train.toArray(UUID[]::new))
                .param("dev", dev.toArray(UUID[]::new))
                .param("params", "{\"epochs\":2,\"learningRate\":0.1,\"l2\":1.0E-5,\"seed\":42,\"devFraction\":0.1}")
                .param("status", status)
                .param("version", version)
                .update();
        return id;
    }

    JsonNode jobJson(UUID id) {
        TestHttp.Response job =
                new TestHttp("http://localhost:" + port).get("/api/v1/train/jobs/" + id, bearer(operator));
        assertThat(job.status()).as(job.body()).isEqualTo(200);
        return job.json();
    }

    Map<String, Object> row(UUID dataset) {
        return jdbc.sql("""
                        SELECT content, sha256, size_bytes, sentences, spans, erased_items, erased_at
                        FROM dataset WHERE id = :id
                        """).param("id", dataset).query().singleRow();
    }

    String contentOf(UUID dataset) {
        return new String((byte[]) row(dataset).get("content"), StandardCharsets.UTF_8);
    }

    static JsonNode find(JsonNode datasets, UUID id) {
        for (JsonNode dataset : datasets) {
            if (dataset.path("id").asString().equals(id.toString())) {
                return dataset;
            }
        }
        throw new AssertionError("no dataset " + id);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
