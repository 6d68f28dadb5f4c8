package io.openhire.privacy;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The privacy service as a recruiter, an admin and another service use it: personal data found in a CV's text,
 * removed in each of the ways an organisation asks for, pseudonyms that stay the same within an organisation and
 * only its admins can reverse (each reversal in the audit log), and bad requests refused.
 */
@SpringBootTest(
        classes = PrivacyIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=privacy")
class PrivacyIT {

    static final TestTokens TOKENS = new TestTokens();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PrivacyConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "privacy");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.privacy.key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final UUID org = UUID.randomUUID();
    final UUID otherOrg = UUID.randomUUID();
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
    final String otherAdmin = TOKENS.token(UUID.randomUUID(), otherOrg, "ADMIN");
    final String candidate = TOKENS.token(UUID.randomUUID(), org, "CANDIDATE");

    static final String CV = """
            Priya Raman
            Senior Data Engineer
            priya.raman@example.org | +44 20 7946 0958
            Date of birth: 12.03.1988 | Nationality: Indian
            Experience: Globex GmbH, Berlin (2019 - 2024)
            """;

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    JsonNode post(String path, Object body, String token) {
        TestHttp.Response response = http().post(path, body, bearer(token));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> found(JsonNode result, String text) {
        List<String> found = new ArrayList<>();
        for (JsonNode entity : result.path("entities")) {
            found.add(entity.path("type").asString() + ":"
                    + text.substring(
                            entity.path("start").asInt(), entity.path("end").asInt()));
        }
        return found;
    }

    @Test
    void findsThePersonalDataInACv() {
        JsonNode result = post("/api/v1/privacy/analyze", Map.of("text", CV), recruiter);
        assertThat(found(result, CV))
                .contains(
                        "PERSON:Priya Raman",
                        "EMAIL_ADDRESS:priya.raman@example.org",
                        "PHONE_NUMBER:+44 20 7946 0958",
                        "DATE_OF_BIRTH:12.03.1988",
                        "NRP:Indian",
                        "ORGANIZATION:Globex GmbH",
                        "LOCATION:Berlin")
                .noneMatch(f -> f.contains("2019"));
        assertThat(result.path("entities").get(0).path("recogniser").asString()).isNotBlank();

        JsonNode onlyContact = post(
                "/api/v1/privacy/analyze",
                Map.of("text", CV, "entities", List.of("email_address", "PHONE_NUMBER")),
                TOKENS.serviceToken("matching", org));
        assertThat(found(onlyContact, CV))
                .containsExactly("EMAIL_ADDRESS:priya.raman@example.org", "PHONE_NUMBER:+44 20 7946 0958");
    }

    @Test
    void anonymisesEachTypeAsAsked() {
        JsonNode result = post(
                "/api/v1/privacy/anonymize",
                Map.of(
                        "text",
                        "Name: Jane Doe, phone +49 30 901820, card 4111 1111 1111 1111, jane@example.com",
                        "operators",
                        Map.of(
                                "PERSON", Map.of("type", "replace", "with", "[candidate]"),
                                "CREDIT_CARD", Map.of("type", "mask", "keepLast", 4),
                                "EMAIL_ADDRESS", Map.of("type", "hash"),
                                "DEFAULT", Map.of("type", "redact"))),
                recruiter);
        String text = result.path("text").asString();
        assertThat(text).startsWith("Name: [candidate], phone , card **** **** **** 1111, ");
        assertThat(text).doesNotContain("jane@example.com").doesNotContain("901820");
        String hash = text.substring(text.lastIndexOf(' ') + 1);
        assertThat(hash).matches("[0-9a-f]{16}");

        // The same value hashes the same for the organisation, differently for another.
        String again = post(
                        "/api/v1/privacy/anonymize",
                        Map.of("text", "jane@example.com", "operators", Map.of("DEFAULT", Map.of("type", "hash"))),
                        admin)
                .path("text")
                .asString();
        String elsewhere = post(
                        "/api/v1/privacy/anonymize",
                        Map.of("text", "jane@example.com", "operators", Map.of("DEFAULT", Map.of("type", "hash"))),
                        otherAdmin)
                .path("text")
                .asString();
        assertThat(again).isEqualTo(hash);
        assertThat(elsewhere).isNotEqualTo(hash);

        // Without operators every type is replaced by its name.
        assertThat(post("/api/v1/privacy/anonymize", Map.of("text", "Mail jane@example.com"), recruiter)
                        .path("text")
                        .asString())
                .isEqualTo("Mail <EMAIL_ADDRESS>");
    }

    @Test
    void pseudonymsAreOnePerPersonInAnOrganisationAndOnlyItsAdminsReverseThem() {
        Map<String, Object> pseudonymise = Map.of("DEFAULT", Map.of("type", "pseudonymise"));
        String first = post(
                        "/api/v1/privacy/anonymize",
                        Map.of(
                                "text",
                                "Contact person: Jan Kowalski, jan.kowalski@example.pl",
                                "operators",
                                pseudonymise),
                        recruiter)
                .path("text")
                .asString();
        String second = post(
                        "/api/v1/privacy/anonymize",
                        Map.of(
                                "text",
                                "Dear Jan  Kowalski, we met with jan.KOWALSKI@example.pl",
                                "operators",
                                pseudonymise),
                        recruiter)
                .path("text")
                .asString();
        assertThat(first).matches("Contact person: PERSON_[0-9A-F]{8}, EMAIL_ADDRESS_[0-9A-F]{8}");
        String person = first.substring(16, 31);
        String email = first.substring(33);
        assertThat(second).isEqualTo("Dear " + person + ", we met with " + email);
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_pseudonym WHERE organization_id = :org")
                        .param("org", org)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM privacy_pseudonym WHERE position(convert_to('Kowalski', 'UTF8') IN sealed_value) > 0")
                        .query(Integer.class)
                        .single())
                .as("values are sealed, never stored in clear")
                .isZero();

        // Another organisation gets its own pseudonym for the same person, and cannot reverse this one.
        String theirs = post(
                        "/api/v1/privacy/anonymize",
                        Map.of("text", "Contact person: Jan Kowalski", "operators", pseudonymise),
                        otherAdmin)
                .path("text")
                .asString();
        assertThat(theirs).doesNotContain(person);
        JsonNode notTheirs = post("/api/v1/privacy/deanonymize", Map.of("text", first), otherAdmin);
        assertThat(notTheirs.path("text").asString()).isEqualTo(first);
        assertThat(notTheirs.path("reversed").asInt()).isZero();

        // A recruiter may not reverse; the organisation's admin may, and the log says so.
        assertThat(http().post("/api/v1/privacy/deanonymize", Map.of("text", first), bearer(recruiter))
                        .status())
                .isEqualTo(403);
        JsonNode restored = post("/api/v1/privacy/deanonymize", Map.of("text", first), admin);
        assertThat(restored.path("text").asString()).isEqualTo("Contact person: Jan Kowalski, jan.kowalski@example.pl");
        assertThat(restored.path("reversed").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT payload FROM outbox_event WHERE topic = :topic AND organization_id = :org")
                        .param("topic", AuditRecorded.TOPIC)
                        .param("org", org)
                        .query(String.class)
                        .list())
                .hasSize(2)
                .allSatisfy(entry ->
                        assertThat(entry).contains("privacy.pseudonym-reversed").doesNotContain("Kowalski"));
    }

    @Test
    void aRecruiterGetsAWordResumeBackWithoutThePersonAndBadDocumentsAreRefused() throws Exception {
        byte[] resume = TestDocuments.docx(List.of(
                "Priya Raman", "priya.raman@example.org | +44 20 7946 0958", "Skills: Kubernetes, Kafka, Spark"));
        TestHttp.Download anonymised = http().postMultipartForFile(
                        "/api/v1/privacy/anonymize/document",
                        List.of(TestHttp.Part.file("file", "priya-raman-cv.docx", "application/octet-stream", resume)),
                        bearer(recruiter));
        assertThat(anonymised.status()).as(new String(anonymised.body())).isEqualTo(200);
        assertThat(anonymised.header("Content-Type")).contains("wordprocessingml.document");
        assertThat(anonymised.header("Content-Disposition"))
                .contains("anonymised.docx")
                .doesNotContain("priya");
        assertThat(anonymised.header("X-OpenHire-Anonymised"))
                .contains("PERSON=1", "EMAIL_ADDRESS=1", "PHONE_NUMBER=1");
        try (var copy =
                new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(anonymised.body()))) {
            assertThat(copy.getParagraphs().stream().map(p -> p.getText()).toList())
                    .containsExactly(
                            "<PERSON>", "<EMAIL_ADDRESS> | <PHONE_NUMBER>", "Skills: Kubernetes, Kafka, Spark");
        }

        record Refused(byte[] file, String operator, String token, int status, String says) {}
        for (Refused refused : List.of(
                new Refused(resume, null, candidate, 403, ""),
                new Refused(null, null, recruiter, 400, "file"),
                new Refused(resume, "shred", recruiter, 400, "operator.type"),
                new Refused("plain text".getBytes(), null, recruiter, 415, "neither a PDF nor a Word document"),
                new Refused(TestDocuments.damagedPdf(), null, recruiter, 422, "not a PDF that can be read"))) {
            List<TestHttp.Part> parts = new ArrayList<>();
            if (refused.file() != null) {
                parts.add(TestHttp.Part.file("file", "cv", "application/pdf", refused.file()));
            }
            if (refused.operator() != null) {
                parts.add(TestHttp.Part.field("operator", refused.operator()));
            }
            TestHttp.Response response =
                    http().postMultipart("/api/v1/privacy/anonymize/document", parts, bearer(refused.token()));
            assertThat(response.status()).as(response.body()).isEqualTo(refused.status());
            assertThat(response.body()).contains(refused.says());
        }
    }

    @Test
    void badRequestsAreRefusedWithAProblem() {
        record Case(Object body, String field) {}
        List<Case> cases = List.of(
                new Case(Map.of(), "text"),
                new Case(Map.of("text", "x".repeat(100_001)), "text"),
                new Case(Map.of("text", "hi", "language", "xx"), "language"),
                new Case(Map.of("text", "hi", "entities", List.of("SHOE_SIZE")), "entities"),
                new Case(Map.of("text", "hi", "scoreThreshold", 2), "scoreThreshold"));
        for (Case c : cases) {
            TestHttp.Response response = http().post("/api/v1/privacy/analyze", c.body(), bearer(recruiter));
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains(c.field());
        }
        List<Case> operators = List.of(
                new Case(Map.of("text", "hi", "operators", Map.of("SHOE_SIZE", Map.of("type", "redact"))), "operators"),
                new Case(
                        Map.of("text", "hi", "operators", Map.of("PERSON", Map.of("type", "shred"))),
                        "operators.PERSON.type"),
                new Case(Map.of("text", "hi", "operators", Map.of("PERSON", Map.of())), "operators.PERSON.type"),
                new Case(
                        Map.of("text", "hi", "operators", Map.of("PERSON", Map.of("type", "mask", "maskChar", "ab"))),
                        "maskChar"),
                new Case(
                        Map.of("text", "hi", "operators", Map.of("PERSON", Map.of("type", "mask", "keepLast", -1))),
                        "keepLast"));
        for (Case c : operators) {
            TestHttp.Response response = http().post("/api/v1/privacy/anonymize", c.body(), bearer(recruiter));
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains(c.field());
        }
        assertThat(http().post("/api/v1/privacy/analyze", Map.of("text", CV)).status())
                .isEqualTo(401);
        assertThat(http().post("/api/v1/privacy/analyze", Map.of("text", CV), bearer(candidate))
                        .status())
                .isEqualTo(403);
        assertThat(http().postRaw(
                                "/api/v1/privacy/analyze",
                                "application/json",
                                "{not json".getBytes(),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);
    }
}
