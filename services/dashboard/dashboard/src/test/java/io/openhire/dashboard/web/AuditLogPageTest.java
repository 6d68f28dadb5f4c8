package io.openhire.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.audit.client.AlertRule;
import io.openhire.audit.client.AuditApi;
import io.openhire.audit.client.AuditEntry;
import io.openhire.audit.client.AuditPage;
import io.openhire.audit.client.ChainVerification;
import io.openhire.audit.client.NewAlertRule;
import io.openhire.audit.client.RaisedAlert;
import io.openhire.identity.client.Colleague;
import io.openhire.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;

/**
 * The Audit log page as an admin reads it: entries in words (who by name, what they did, the resume it opens),
 * the filters passed to the audit service as typed, the chain's check in words; and anyone else refused before the
 * audit service is asked.
 */
class AuditLogPageTest {

    static final UUID RITA = UUID.fromString("7a1c2f4e-3b5d-4c6e-8f70-112233445566");
    static final UUID RESUME = UUID.fromString("3d1f6a52-8c1e-4d7a-9b1e-2f4a6c8e0b13");

    final RecordingAudit audit = new RecordingAudit();
    final AuditLogPage page = new AuditLogPage(
            audit, new People(ModelsPagesTest.identity(List.of(new Colleague(RITA, "Rita Recruiter")))));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdminReadsWhoDidWhatToWhichRecordAndPagesBack() {
        ModelsPagesTest.signIn("ADMIN");
        page.adminsOnly();
        ExtendedModelMap model = new ExtendedModelMap();
        page.log("resume.downloaded", "user:" + RITA, "2026-12-01", "2026-12-05", null, model);

        assertThat(audit.asked)
                .containsExactly("action=resume.downloaded actor=user:" + RITA
                        + " from=2026-12-01T00:00:00Z to=2026-12-06T00:00:00Z before=null limit=50");
        String html = render(model, "entries");
        assertThat(html)
                .contains("Rita Recruiter", "Downloaded the resume", "href=\"/candidates/" + RESUME + "\"")
                .contains("Resume 3d1f6a52", "198.51.100.23", "Recorded by the resume-ingestion service, request req-1")
                .contains("5 Dec 2026, 10:15:00 UTC")
                .contains("Revealed the blind candidate", "Candidate 0b6c2a4e<", "href=\"/candidates/of/0b6c2a4e-")
                // someone no longer on the staff list is not named as anyone else
                .contains("a former user (4f0e9d8c)")
                // the filters as chosen, and the export and the next page with them
                .contains("value=\"resume.downloaded\" selected=\"selected\"", "value=\"2026-12-01\"")
                .contains("href=\"/audit/export?action=resume.downloaded&amp;actor=user%3A" + RITA)
                .contains("before=1\">Older</a>");
    }

    @Test
    void anAdminSetsAnAlertRuleSeesTheAlertsAndIsToldWhyARuleIsRefused() {
        ModelsPagesTest.signIn("ADMIN");
        ExtendedModelMap model = new ExtendedModelMap();
        page.addRule("Mass downloads", "resume.downloaded", 20, 60, model);
        String html = render(model, "alerts");
        assertThat(html)
                .contains("Added. You will be notified when someone crosses it.")
                .contains(
                        "Downloaded the resume more than 20 times by one person within 60 minutes",
                        "set by Rita Recruiter")
                .contains("hx-confirm=\"Remove the rule Mass downloads and the alerts it raised?\"")
                // the alert raised, with a link to the entries behind it
                .contains(
                        "Downloaded the resume × 21",
                        "href=\"/audit?action=resume.downloaded&amp;actor=user%3A" + RITA);

        audit.refuse = org.springframework.web.client.HttpClientErrorException.create(
                HttpStatus.BAD_REQUEST,
                "Bad Request",
                new org.springframework.http.HttpHeaders(),
                ("{\"type\":\"https://openhire.io/problems/validation\",\"status\":400,"
                                + "\"errors\":[{\"field\":\"threshold\",\"message\":\"must be from 1 to 100000\"}]}")
                        .getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        model = new ExtendedModelMap();
        page.addRule("Too many", "resume.downloaded", 0, 60, model);
        assertThat(render(model, "alerts"))
                .contains("More than: must be from 1 to 100000.", "value=\"Too many\"", "value=\"0\"");
        assertThat(audit.rules).hasSize(1);
    }

    @Test
    void datesTheWrongWayRoundAreSaidOnThePageWithTheFiltersKept() {
        ModelsPagesTest.signIn("ADMIN");
        ExtendedModelMap model = new ExtendedModelMap();
        page.log(null, null, "2026-12-06", "2026-12-01", null, model);
        assertThat(audit.asked).isEmpty();
        assertThat(render(model, "entries"))
                .contains("“To” must be on or after “From”.", "value=\"2026-12-06\"", "value=\"2026-12-01\"")
                .doesNotContain("Nothing recorded that matches.");

        model = new ExtendedModelMap();
        page.log(null, null, "last week", null, null, model);
        assertThat(render(model, "entries")).contains("The dates must be days, like 2026-12-05.");
    }

    @Test
    void theChainsCheckIsSaidInWords() {
        ModelsPagesTest.signIn("ADMIN");
        ExtendedModelMap model = new ExtendedModelMap();
        page.verify(model);
        assertThat(render(model, "verification")).contains("Intact: 2 entries checked", "a1b2c3");

        audit.intact = false;
        page.verify(model);
        assertThat(render(model, "verification"))
                .contains("Changed: entry 2 — its fields do not have its hash", "1 entries before it are intact");
    }

    @Test
    void aRecruiterIsRefusedBeforeTheAuditServiceIsAsked() {
        ModelsPagesTest.signIn("RECRUITER");
        assertThatThrownBy(page::adminsOnly)
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(audit.asked).isEmpty();
    }

    /** Fragments of audit.html, rendered from the real template with this model. */
    static String render(Model model, String... fragments) {
        return Templates.render("audit", "/audit", model, java.util.Map.of(), fragments);
    }

    /** The audit service as the page sees it: two entries, what it was asked, and its check of the chain. */
    static final class RecordingAudit implements AuditApi {
        final List<String> asked = new ArrayList<>();
        boolean intact = true;

        @Override
        public AuditPage entries(
                String actor,
                String action,
                String resourceType,
                String resourceId,
                Instant from,
                Instant to,
                Long before,
                Integer limit) {
            asked.add("action=" + action + " actor=" + actor + " from=" + from + " to=" + to + " before=" + before
                    + " limit=" + limit);
            UUID org = UUID.randomUUID();
            return new AuditPage(
                    List.of(
                            new AuditEntry(
                                    2,
                                    UUID.randomUUID(),
                                    org,
                                    Instant.parse("2026-12-05T10:15:00Z"),
                                    Instant.parse("2026-12-05T10:15:01Z"),
                                    "user:" + RITA,
                                    "resume.downloaded",
                                    "resume",
                                    RESUME.toString(),
                                    "SUCCESS",
                                    "198.51.100.23",
                                    "req-1",
                                    "resume-ingestion",
                                    "a".repeat(64),
                                    "b".repeat(64)),
                            new AuditEntry(
                                    1,
                                    UUID.randomUUID(),
                                    org,
                                    Instant.parse("2026-12-05T09:00:00Z"),
                                    Instant.parse("2026-12-05T09:00:01Z"),
                                    "user:4f0e9d8c-1111-4222-8333-944455556666",
                                    "candidate.revealed",
                                    "candidate",
                                    "0b6c2a4e-5d1f-4c1a-9f0e-3a2b1c4d5e6f",
                                    "SUCCESS",
                                    null,
                                    null,
                                    "matching",
                                    "0".repeat(64),
                                    "a".repeat(64))),
                    1L);
        }

        @Override
        public ResponseEntity<byte[]> export(
                String actor, String action, String resourceType, String resourceId, Instant from, Instant to) {
            return ResponseEntity.ok("position\r\n".getBytes(StandardCharsets.UTF_8));
        }

        final List<AlertRule> rules = new ArrayList<>();
        /** What the service answers an added rule instead, when set (a refusal). */
        RuntimeException refuse;

        @Override
        public List<AlertRule> alertRules() {
            return rules;
        }

        @Override
        public AlertRule addAlertRule(NewAlertRule rule) {
            if (refuse != null) {
                throw refuse;
            }
            AlertRule added = new AlertRule(
                    UUID.randomUUID(),
                    rule.name(),
                    rule.action(),
                    rule.threshold(),
                    rule.windowMinutes(),
                    "user:" + RITA,
                    Instant.now());
            rules.add(added);
            return added;
        }

        @Override
        public void removeAlertRule(UUID id) {
            rules.removeIf(r -> r.id().equals(id));
        }

        @Override
        public List<RaisedAlert> alerts() {
            return List.of(new RaisedAlert(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    "Mass downloads",
                    "user:" + RITA,
                    "resume.downloaded",
                    21,
                    40,
                    Instant.parse("2026-12-05T10:20:00Z")));
        }

        @Override
        public ChainVerification verify() {
            return intact
                    ? new ChainVerification(true, 2, "a1b2c3" + "0".repeat(58), null, null, Instant.now())
                    : new ChainVerification(
                            false,
                            1,
                            "a".repeat(64),
                            2L,
                            "its fields do not have its hash: it was changed after it was written",
                            Instant.now());
        }
    }
}
