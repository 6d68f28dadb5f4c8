package io.openhire.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.platform.web.ProblemException;
import io.openhire.privacy.client.AnalyzeRequest;
import io.openhire.privacy.client.AnalyzeResult;
import io.openhire.privacy.client.AnonymizeRequest;
import io.openhire.privacy.client.AnonymizeResult;
import io.openhire.privacy.client.CloseRequest;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectRequest;
import io.openhire.privacy.client.DeanonymizeRequest;
import io.openhire.privacy.client.DeanonymizeResult;
import io.openhire.privacy.client.NewDataSubjectRequest;
import io.openhire.privacy.client.PrivacyApi;
import io.openhire.privacy.client.RequestAnswer;
import io.openhire.privacy.client.SubjectAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The Privacy page as an admin uses it: requests with their deadlines and how many services have answered, a
 * request filed as the person sent it (and told, field by field, what the privacy service refused), one request's
 * answers service by service with its export; and anyone else refused before the privacy service is asked.
 */
class PrivacyRequestsPageTest {

    static final UUID ERASURE = UUID.fromString("3c9e1f2a-4b5d-4e6f-8a7b-9c0d1e2f3a4b");
    static final UUID ACCESS = UUID.fromString("4d0f2a3b-5c6e-4f70-9b8c-0d1e2f3a4b5c");

    final RecordingPrivacy privacy = new RecordingPrivacy();
    final PrivacyRequestsPage page = new PrivacyRequestsPage(privacy);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdminSeesEachRequestsDeadlineAndHowFarTheServicesHaveGot() {
        ModelsPagesTest.signIn("ADMIN");
        page.adminsOnly();
        ExtendedModelMap model = new ExtendedModelMap();
        page.list("OPEN", model);
        assertThat(privacy.asked).containsExactly("requests status=OPEN limit=100");
        String html = render("privacy", "/privacy", model);
        assertThat(html)
                .contains("One request is past its deadline.")
                .contains("href=\"/privacy/requests/" + ERASURE + "\"", ">Erasure<", "j***@example.com", "Overdue")
                .contains("1 of 2 answered")
                .contains(">Access<", "Completed", "2 of 2 answered")
                .contains("aria-current=\"page\" class=\"current\">Open</a>")
                .contains("1 Nov 2026");
    }

    @Test
    void aRequestIsFiledAsThePersonSentItOrTheRefusedFieldIsNamed() {
        ModelsPagesTest.signIn("ADMIN");
        assertThat(page.file(
                        "ERASURE",
                        "jane@example.com",
                        "+44 20 7946 0958",
                        "Jane",
                        " ",
                        "EMAIL",
                        new ExtendedModelMap()))
                .isEqualTo("redirect:/privacy/requests/" + ERASURE + "?filed");
        assertThat(privacy.filed)
                .containsExactly(new NewDataSubjectRequest(
                        "ERASURE", "jane@example.com", "+44 20 7946 0958", "Jane", null, "EMAIL"));

        privacy.refuse = ModelsPagesTest.refusal(
                HttpStatus.BAD_REQUEST,
                "{\"title\":\"Bad request\",\"detail\":\"phone: must be in international form, e.g. +44 20 7946 0958\",\"field\":\"phone\"}");
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(page.file("ACCESS", "sam@example.org", "030 901820", null, null, "LETTER", model))
                .isEqualTo("privacy");
        String html = render("privacy", "/privacy", model);
        assertThat(html)
                .contains("must be in international form")
                .contains("value=\"sam@example.org\"", "value=\"030 901820\"");
        assertThat(html).contains("<option value=\"LETTER\" selected=\"selected\">");
    }

    @Test
    void oneRequestShowsEveryServicesAnswerAndTheWaysOn() {
        ModelsPagesTest.signIn("ADMIN");
        ExtendedModelMap model = new ExtendedModelMap();
        page.request(ERASURE, "", null, model);
        String html = render("privacy-request", "/privacy/requests/" + ERASURE, model);
        assertThat(html)
                .contains("Erasure: delete their data", "Filed. Every service that holds the person has been asked")
                .contains("1 of 2 have answered.", "Records erased", "Candidate records and applications", "Not yet")
                .contains("What they asked", "Please delete everything")
                .contains("hx-trigger=\"every 3s\"")
                .contains("Past its deadline")
                .contains("Ask the services again", "action=\"/privacy/requests/" + ERASURE + "/resend\"")
                .contains("Reject")
                .doesNotContain("Download the export");

        ExtendedModelMap access = new ExtendedModelMap();
        page.request(ACCESS, null, null, access);
        assertThat(render("privacy-request", "/privacy/requests/" + ACCESS, access))
                .contains("Download the export (zip)", "href=\"/privacy/requests/" + ACCESS + "/export\"")
                .doesNotContain("Ask the services again");

        // the table refreshes while the request is open; the answer that closes it brings the whole page back
        org.springframework.mock.web.MockHttpServletResponse open =
                new org.springframework.mock.web.MockHttpServletResponse();
        page.answers(ERASURE, new ExtendedModelMap(), open);
        assertThat(open.getHeader("HX-Redirect")).isNull();
        org.springframework.mock.web.MockHttpServletResponse closed =
                new org.springframework.mock.web.MockHttpServletResponse();
        page.answers(ACCESS, new ExtendedModelMap(), closed);
        assertThat(closed.getHeader("HX-Redirect")).isEqualTo("/privacy/requests/" + ACCESS);
    }

    @Test
    void anActionLeadsBackToTheRequestsPageSoThatAReloadDoesNotRepeatIt() {
        ModelsPagesTest.signIn("ADMIN");
        assertThat(page.complete(ERASURE, "Corrected the surname", new ExtendedModelMap()))
                .isEqualTo("redirect:/privacy/requests/" + ERASURE + "?done=completed");
        ExtendedModelMap model = new ExtendedModelMap();
        page.request(ERASURE, null, "completed", model);
        assertThat(model.getAttribute("notice")).isEqualTo("Completed.");
    }

    @Test
    void theRetentionRuleIsSetAndItsRunsReported() {
        ModelsPagesTest.signIn("ADMIN");
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(page.setRetention(18, "on", model)).isEqualTo("privacy :: retention");
        assertThat(privacy.retentionSet).isEqualTo(new io.openhire.privacy.client.RetentionRuleUpdate(18, true));
        String html = Templates.render("privacy", "/privacy", model, Map.of(), "retention");
        assertThat(html)
                .contains("Saved. It runs every day")
                .contains("value=\"24\"", "checked=\"checked\"")
                .contains("(daily)", "6 Dec 2024", ">2<", "Done");

        ExtendedModelMap run = new ExtendedModelMap();
        page.runRetention(run);
        assertThat(Templates.render("privacy", "/privacy", run, Map.of(), "retention"))
                .contains("Run: 2 erasure requests filed.");
    }

    @Test
    void aRecruiterIsRefusedBeforeThePrivacyServiceIsAsked() {
        ModelsPagesTest.signIn("RECRUITER");
        assertThatThrownBy(page::adminsOnly)
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(privacy.asked).isEmpty();
    }

    static String render(String template, String path, Model model) {
        return Templates.render(template, path, model, Map.of(), "content");
    }

    /** The privacy service as the page sees it: an overdue erasure half answered and a completed access request. */
    static final class RecordingPrivacy implements PrivacyApi {
        final List<String> asked = new ArrayList<>();
        final List<NewDataSubjectRequest> filed = new ArrayList<>();
        HttpClientErrorException refuse;

        static DataSubjectRequest erasure() {
            return new DataSubjectRequest(
                    ERASURE,
                    "ERASURE",
                    "OPEN",
                    "j***@example.com",
                    "EMAIL",
                    Instant.parse("2026-10-01T09:00:00Z"),
                    Instant.parse("2026-11-01T09:00:00Z"),
                    null,
                    true,
                    "user:1",
                    null,
                    false,
                    List.of(
                            new RequestAnswer("applications", false, null, null, null),
                            new RequestAnswer("communication", true, 4, 0, Instant.parse("2026-10-01T09:00:05Z"))),
                    "Please delete everything");
        }

        static DataSubjectRequest access() {
            return new DataSubjectRequest(
                    ACCESS,
                    "ACCESS",
                    "COMPLETED",
                    "s***@example.org",
                    "LETTER",
                    Instant.parse("2026-12-01T09:00:00Z"),
                    Instant.parse("2027-01-01T09:00:00Z"),
                    Instant.parse("2026-12-01T09:01:00Z"),
                    false,
                    "user:1",
                    null,
                    true,
                    List.of(
                            new RequestAnswer("applications", true, 1, 1, Instant.parse("2026-12-01T09:00:30Z")),
                            new RequestAnswer("communication", true, 2, 2, Instant.parse("2026-12-01T09:01:00Z"))),
                    null);
        }

        @Override
        public List<DataSubjectRequest> requests(String status, Integer limit) {
            asked.add("requests status=" + status + " limit=" + limit);
            return List.of(erasure(), access());
        }

        @Override
        public DataSubjectRequest request(UUID id) {
            return id.equals(ERASURE) ? erasure() : access();
        }

        @Override
        public DataSubjectRequest file(NewDataSubjectRequest request) {
            if (refuse != null) {
                throw refuse;
            }
            filed.add(request);
            return erasure();
        }

        @Override
        public DataSubjectRequest resend(UUID id) {
            return erasure();
        }

        @Override
        public DataSubjectRequest complete(UUID id, CloseRequest body) {
            return erasure();
        }

        @Override
        public DataSubjectRequest reject(UUID id, CloseRequest body) {
            return erasure();
        }

        @Override
        public ResponseEntity<byte[]> export(UUID id) {
            return ResponseEntity.ok(new byte[] {80, 75});
        }

        io.openhire.privacy.client.RetentionRuleUpdate retentionSet;

        @Override
        public io.openhire.privacy.client.RetentionRule retention() {
            return new io.openhire.privacy.client.RetentionRule(
                    24, true, "user:1", Instant.parse("2026-12-01T09:00:00Z"));
        }

        @Override
        public io.openhire.privacy.client.RetentionRule setRetention(
                io.openhire.privacy.client.RetentionRuleUpdate update) {
            retentionSet = update;
            return retention();
        }

        @Override
        public io.openhire.privacy.client.RetentionRun runRetention() {
            return retentionRuns().getFirst();
        }

        @Override
        public List<io.openhire.privacy.client.RetentionRun> retentionRuns() {
            return List.of(new io.openhire.privacy.client.RetentionRun(
                    UUID.randomUUID(),
                    "SCHEDULE",
                    Instant.parse("2024-12-06T03:00:00Z"),
                    Instant.parse("2026-12-06T03:00:00Z"),
                    Instant.parse("2026-12-06T03:00:02Z"),
                    3,
                    2,
                    1,
                    null));
        }

        @Override
        public AnalyzeResult analyze(AnalyzeRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AnonymizeResult anonymize(AnonymizeRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeanonymizeResult deanonymize(DeanonymizeRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.springframework.http.ResponseEntity<byte[]> anonymizeDocument(
                org.springframework.core.io.Resource file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DataSubject subject(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void answer(UUID id, String service, SubjectAnswer answer) {
            throw new UnsupportedOperationException();
        }
    }
}
