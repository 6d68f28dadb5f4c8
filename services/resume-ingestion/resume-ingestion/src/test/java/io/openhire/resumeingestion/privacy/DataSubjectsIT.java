package io.openhire.resumeingestion.privacy;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestTokens;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.DataSubjectRequestListener;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.privacy.client.SubjectFile;
import io.openhire.resumeingestion.ResumeIngestionConfiguration;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.servicetest.TestServiceAccount;
import io.openhire.servicetest.TestStorage;
import java.time.Duration;
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

/**
 * A data-subject request's part in resume-ingestion, against the real storage service and the embedded Kafka:
 * resumes uploaded through the API for the person (in two organisations) and for someone else, then the handler
 * the privacy listener calls, called directly.
 */
@SpringBootTest(
        classes = DataSubjectsIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=resume-ingestion")
class DataSubjectsIT {

    static final TestTokens TOKENS = new TestTokens();
    static TestStorage storage;

    static final String EMAIL = "erin.erased@example.test";
    static final String PHONE = "+4930901777";
    static final String NAME = "Erin Erased";
    static final DataSubject ERIN = new DataSubject(UUID.randomUUID(), "ERASURE", List.of(EMAIL), List.of(PHONE), NAME);

    /** Not a {@code @Configuration}: the service's component scan must not pick it up into ResumeIngestionIT. */
    @EnableAutoConfiguration
    @Import(ResumeIngestionConfiguration.class)
    static class App {
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("resume-ingestion", TOKENS);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        storage = TestStorage.start(TOKENS);
        TestInfrastructure.register(registry, "resume_ingestion_subjects");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.clients.services.storage.url", storage::url);
        registry.add("openhire.resume-ingestion.mailbox.poll-interval", () -> "1h");
    }

    @AfterAll
    static void stop() {
        storage.close();
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

    final UUID org = UUID.randomUUID();
    final UUID otherOrg = UUID.randomUUID();

    @Test
    void accessGivesThePersonsResumesWithTheirOriginalsAndErasureDeletesThemEverywhereOnce() {
        byte[] erinsPdf = TestDocuments.pdf(lines(NAME, EMAIL, "+49 30 901777"));
        byte[] erinsMail = TestDocuments.docx(lines(NAME, EMAIL, "030 901777"));
        byte[] ottosPdf = TestDocuments.pdf(lines("Otto Other", "otto.other@example.test", "+44 20 7946 0000"));
        byte[] erinWithoutAddress = TestDocuments.pdf(lines(NAME, EMAIL, "+49 30 901777"));
        byte[] erinElsewhere = TestDocuments.pdf(lines(NAME, EMAIL, "+49 30 901777"));
        // The address as a recruiter typed it: the match ignores case and surrounding spaces.
        UUID erins = upload(org, "erin-erased-cv.pdf", erinsPdf, Map.of("candidateEmail", " Erin.Erased@Example.TEST"));
        UUID mailed = upload(org, "Erin Erased.docx", erinsMail, Map.of("candidateEmail", EMAIL, "source", "EMAIL"));
        UUID ottos = upload(org, "otto.pdf", ottosPdf, Map.of("candidateEmail", "otto.other@example.test"));
        UUID unattributed = upload(org, "cv.pdf", erinWithoutAddress, Map.of());
        UUID elsewhere = upload(otherOrg, "erin.pdf", erinElsewhere, Map.of("candidateEmail", EMAIL));

        SubjectAnswer access = handler.access(org, ERIN);

        assertThat(access.records()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resumes =
                (List<Map<String, Object>>) access.data().get("resumes");
        assertThat(resumes).extracting(r -> r.get("id")).containsExactly(erins.toString(), mailed.toString());
        assertThat(resumes.get(1)).containsEntry("source", "EMAIL").containsEntry("fileName", "Erin Erased.docx");
        assertThat(access.files())
                .extracting(SubjectFile::name)
                .containsExactly(erins + "-erin-erased-cv.pdf", mailed + "-Erin Erased.docx");
        assertThat(access.files().get(0).content()).isEqualTo(erinsPdf);
        assertThat(access.files().get(1).content()).isEqualTo(erinsMail);
        assertThat(access.files().get(0).contentType()).isEqualTo("application/pdf");
        assertThat(access.data().toString())
                .doesNotContain(ottos.toString(), unattributed.toString(), elsewhere.toString(), "otto");
        assertThat(handler.count(org, ERIN)).isEqualTo(2);
        assertThat(listener).isNotNull();
        // The outbox keeps published events a while: their resume.received.v1 are among them.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(publishedEventsNaming(org, erins)).isPositive());

        int erased = transactions.execute(status -> handler.erase(org, ERIN));

        assertThat(erased).isEqualTo(2);
        assertThat(handler.count(org, ERIN)).isZero();
        assertThat(resumeRows(org, "erin")).as("rows naming Erin").isZero();
        assertThat(resumeRows(org, EMAIL)).as("rows with Erin's address").isZero();
        assertThat(resumeRows(org, "901777")).as("rows with Erin's phone").isZero();
        for (UUID gone : List.of(erins, mailed)) {
            assertThat(original(org, gone)).as("the original of %s", gone).isEqualTo(404);
            assertThat(TestKafka.read(ResumeDeleted.TOPIC, r -> r.key().equals(gone.toString()), 1))
                    .as("resume.deleted.v1 for %s, for resume-processing and matching", gone)
                    .hasSize(1);
        }
        for (UUID gone : List.of(erins, mailed)) {
            assertThat(publishedEventsNaming(org, gone))
                    .as("published events about %s besides its resume.deleted.v1", gone)
                    .isZero();
        }
        // Someone else's resume, and the person's in another organisation, stay.
        assertThat(publishedEventsNaming(org, ottos)).isPositive();
        assertThat(original(org, ottos)).isEqualTo(200);
        assertThat(original(otherOrg, elsewhere)).isEqualTo(200);
        assertThat(handler.count(otherOrg, ERIN)).isEqualTo(1);
        // A resume sent in without the person's address cannot be told apart here: resume-processing and
        // matching find it by its parsed profile (see the README).
        assertThat(original(org, unattributed)).isEqualTo(200);

        int again = transactions.execute(status -> handler.erase(org, ERIN));
        assertThat(again).as("a redelivered request finds nothing left").isZero();
        assertThat(handler.count(org, ERIN)).isZero();
        assertThat(handler.access(org, ERIN).records()).isZero();
    }

    static List<String> lines(String name, String email, String phone) {
        return List.of(
                name,
                "Registered Nurse",
                email + " | " + phone,
                "EXPERIENCE",
                "St. Mary's Hospital - Austin, Texas",
                "January 2019 to Present",
                "Unique: " + UUID.randomUUID());
    }

    UUID upload(UUID organization, String fileName, byte[] bytes, Map<String, String> fields) {
        String recruiter = TOKENS.token(UUID.randomUUID(), organization, "RECRUITER");
        TestHttp.Response accepted = new TestHttp("http://localhost:" + port)
                .postMultipart(
                        "/api/v1/resumes/upload",
                        "file",
                        fileName,
                        "application/octet-stream",
                        bytes,
                        fields,
                        bearer(recruiter));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return UUID.fromString(accepted.json().get("id").asString());
    }

    /** The status storage answers for the resume's original (as resume-ingestion asks for it). */
    static int original(UUID organization, UUID resume) {
        return new TestHttp(storage.url())
                .get("/api/v1/data/resumes/" + resume, bearer(TOKENS.serviceToken("resume-ingestion", organization)))
                .status();
    }

    /** Published events of the organisation still in the outbox that name the resume (its deletion aside). */
    int publishedEventsNaming(UUID organization, UUID resume) {
        return jdbc.sql("""
                        SELECT count(*) FROM outbox_event
                        WHERE organization_id = :org AND published_at IS NOT NULL AND topic <> :deleted
                          AND payload LIKE :id
                        """)
                .param("org", organization)
                .param("deleted", ResumeDeleted.TOPIC)
                .param("id", "%" + resume + "%")
                .query(Integer.class)
                .single();
    }

    /** The organisation's rows of resume-ingestion's tables that mention {@code text} in any text column. */
    int resumeRows(UUID organization, String text) {
        String like = "%" + text.toLowerCase() + "%";
        int resumes = jdbc.sql("""
                        SELECT count(*) FROM resume WHERE organization_id = :org
                          AND lower(concat_ws(' ', candidate_email, file_name, source, status_reason, uploaded_by))
                              LIKE :like
                        """)
                .param("org", organization)
                .param("like", like)
                .query(Integer.class)
                .single();
        int messages = jdbc.sql("""
                        SELECT count(*) FROM mailbox_message m JOIN mailbox b ON b.id = m.mailbox_id
                        WHERE b.organization_id = :org AND lower(m.message_key) LIKE :like
                        """)
                .param("org", organization)
                .param("like", like)
                .query(Integer.class)
                .single();
        return resumes + messages;
    }
}
