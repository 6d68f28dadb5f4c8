package io.openhire.resumeprocessing.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.resumeprocessing.ProcessingTestSupport.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.DataSubjectRequestListener;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.resumeprocessing.ProcessingTestSupport;
import io.openhire.resumeprocessing.client.AtsReport;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A data-subject request's part in resume-processing: resumes parsed for real (resume.received.v1 with the
 * original in the real storage service) for the person, in two organisations, and for someone else who names
 * the person as a referee; then the handler the privacy listener calls, called directly.
 */
// Closed after the class: its listener would otherwise also parse the other tests' resumes.
@DirtiesContext
@SpringBootTest(
        classes = DataSubjectsIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=resume-processing")
class DataSubjectsIT {

    static final String EMAIL = "erin.erased@example.test";
    static final String PHONE = "+4930901777";
    static final String NAME = "Erin Erased";
    static final DataSubject ERIN = new DataSubject(UUID.randomUUID(), "ERASURE", List.of(EMAIL), List.of(PHONE), NAME);

    /** Not a {@code @Configuration}: the service's component scan must not pick it up into other tests. */
    @EnableAutoConfiguration
    @Import(ProcessingTestSupport.WithTestServiceAccount.class)
    static class App {}

    /** resume-ingestion, which deletes the originals at the source when asked (DELETE /api/v1/resumes/{id}). */
    static final WireMockServer INGESTION =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        INGESTION.start();
        INGESTION.stubFor(delete(urlPathMatching("/api/v1/resumes/.*"))
                .willReturn(aResponse().withStatus(204)));
        INGESTION.stubFor(get(urlPathMatching("/api/v1/resumes/.*/original"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "attachment; filename=\"erin.pdf\"")
                        .withBody("%PDF-1.7 as sent")));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "resume_processing_subjects");
        registry.add("openhire.clients.services.resume-ingestion.url", INGESTION::baseUrl);
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.clients.services.storage.url", ProcessingTestSupport::storageUrl);
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
    void accessGivesThePersonsParsedResumesAndErasureDeletesThemButNotAResumeThatNamesThemAsReferee() {
        UUID erins = parsed(org, resume(NAME, "Erin.Erased@example.test | +49 30 901777"));
        UUID erinsWithPhoneOnly = parsed(org, resume(NAME, "+49 30 901777"));
        UUID ottos = parsed(
                org,
                resume("Otto Other", "otto.other@example.test | +44 20 7946 0000"),
                "REFERENCES",
                "Erin Erased, Head of Nursing, " + EMAIL + ", +49 30 901777");
        UUID elsewhere = parsed(otherOrg, resume(NAME, EMAIL + " | +49 30 901777"));
        String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
        TestHttp.Response report = http().post(
                        "/api/v1/resumes/optimize",
                        Map.of(
                                "resumeId",
                                erins.toString(),
                                "jobText",
                                "Registered nurse for the intensive care unit: patient care, triage, BLS."),
                        bearer(recruiter));
        assertThat(report.status()).as(report.body()).isEqualTo(200);

        SubjectAnswer access = handler.access(org, ERIN);

        assertThat(access.records()).isEqualTo(2);
        assertThat(access.files())
                .as("her resumes as she sent them, from resume-ingestion")
                .hasSize(2)
                .allSatisfy(f -> assertThat(new String(f.content())).startsWith("%PDF"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resumes =
                (List<Map<String, Object>>) access.data().get("resumes");
        assertThat(resumes)
                .extracting(r -> r.get("resumeId"))
                .containsExactlyInAnyOrder(erins.toString(), erinsWithPhoneOnly.toString());
        Map<String, Object> first = resumes.stream()
                .filter(r -> r.get("resumeId").equals(erins.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(((CandidateProfile) first.get("profile")).emails()).containsExactly(EMAIL);
        assertThat((String) first.get("text")).contains("Erin Erased");
        assertThat((List<?>) first.get("atsReports")).hasSize(1);
        assertThat(((AtsReport) ((List<?>) first.get("atsReports")).getFirst()).resumeId())
                .isEqualTo(erins);
        assertThat(access.data().toString())
                .doesNotContain(ottos.toString(), elsewhere.toString(), "Otto", "otto.other");
        assertThat(handler.count(org, ERIN)).isEqualTo(2);
        assertThat(listener).isNotNull();
        // Their resume.parsed.v1 (titles, skills, place) went out and is still kept in the outbox.
        assertThat(publishedEventsNaming(org, erins)).isPositive();

        int erased = transactions.execute(status -> handler.erase(org, ERIN));

        assertThat(erased).isEqualTo(2);
        assertThat(handler.count(org, ERIN)).isZero();
        // Their originals and rows at resume-ingestion go too (it could not find them: no address given on upload).
        for (UUID gone : List.of(erins, erinsWithPhoneOnly)) {
            INGESTION.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/resumes/" + gone)));
        }
        INGESTION.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/resumes/" + ottos)));
        for (String trace : List.of("erin.erased", "901777", "Erin Erased", "Erased")) {
            assertThat(rowsMentioning(org, trace))
                    .as("the organisation's rows that mention %s", trace)
                    .containsOnly(ottos); // Otto's resume names Erin as his referee: it is Otto's, and stays
        }
        for (UUID gone : List.of(erins, erinsWithPhoneOnly)) {
            assertThat(jdbc.sql("""
                                    SELECT (SELECT count(*) FROM resume_document WHERE resume_id = :id)
                                         + (SELECT count(*) FROM resume_profile WHERE resume_id = :id)
                                         + (SELECT count(*) FROM ats_report WHERE resume_id = :id)
                                    """).param("id", gone).query(Integer.class).single())
                    .as("rows of %s", gone)
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM deleted_resume WHERE resume_id = :id")
                            .param("id", gone)
                            .query(Integer.class)
                            .single())
                    .as("%s remembered as deleted, so that a late event does not bring it back", gone)
                    .isEqualTo(1);
            assertThat(publishedEventsNaming(org, gone))
                    .as("published events about %s", gone)
                    .isZero();
        }
        assertThat(publishedEventsNaming(org, ottos)).isPositive();
        assertThat(http().get("/api/v1/resumes/" + ottos + "/profile", bearer(recruiter))
                        .status())
                .isEqualTo(200);
        assertThat(handler.count(otherOrg, ERIN)).isEqualTo(1);

        int again = transactions.execute(status -> handler.erase(org, ERIN));
        assertThat(again).as("a redelivered request finds nothing left").isZero();
        assertThat(handler.access(org, ERIN).records()).isZero();
    }

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    /** A nurse's resume whose contact line is {@code contacts}, and {@code more} lines at the end. */
    static List<String> resume(String name, String contacts) {
        return List.of(
                name,
                "Registered Nurse",
                "Austin, Texas | " + contacts,
                "EXPERIENCE",
                "Registered Nurse",
                "St. Mary's Hospital - Austin, Texas",
                "January 2019 to Present",
                "• Patient care and triage in the intensive care unit.",
                "SKILLS",
                "Patient care, Triage, BLS",
                "Unique: " + UUID.randomUUID());
    }

    /** The resume as a PDF, stored and announced as resume-ingestion would, once parsed. */
    UUID parsed(UUID organization, List<String> lines, String... more) {
        List<String> all = new java.util.ArrayList<>(lines);
        all.addAll(List.of(more));
        UUID id = ProcessingTestSupport.receive(
                organization, TestDocuments.pdf(all), "application/pdf", TestKafka.bootstrapServers());
        assertThat(TestKafka.read(ResumeParsed.TOPIC, r -> r.key().equals(id.toString()), 1))
                .hasSize(1);
        return id;
    }

    /** Published events of the organisation still in the outbox that name the resume. */
    int publishedEventsNaming(UUID organization, UUID resume) {
        return jdbc.sql("""
                        SELECT count(*) FROM outbox_event
                        WHERE organization_id = :org AND published_at IS NOT NULL AND payload LIKE :id
                        """)
                .param("org", organization)
                .param("id", "%" + resume + "%")
                .query(Integer.class)
                .single();
    }

    /** The organisation's resumes whose profile, text or ATS reports mention {@code text}. */
    List<UUID> rowsMentioning(UUID organization, String text) {
        return jdbc.sql("""
                        SELECT resume_id FROM resume_profile WHERE organization_id = :org
                          AND lower(concat_ws(' ', profile::text, text, reason)) LIKE :like
                        UNION
                        SELECT resume_id FROM ats_report WHERE organization_id = :org
                          AND lower(concat_ws(' ', report::text, job_title)) LIKE :like
                        """)
                .param("org", organization)
                .param("like", "%" + text.toLowerCase() + "%")
                .query(UUID.class)
                .list();
    }
}
