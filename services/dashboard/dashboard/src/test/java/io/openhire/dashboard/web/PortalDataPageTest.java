package io.openhire.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.applications.client.CandidateCorrection;
import io.openhire.applications.client.PortalApi;
import io.openhire.applications.client.PortalFileView;
import io.openhire.applications.client.PortalPrivacyRequest;
import io.openhire.applications.client.PortalPrivacyRequestForm;
import io.openhire.applications.client.PortalView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * "Your data" as a signed-in candidate uses it: the kinds of request in plain words with the one-month deadline,
 * their requests with status and due date (late ones and ones shown as last known marked), who looked at their file
 * in words; a request sent as typed (never who they are: applications knows), a deletion only once confirmed, and
 * what applications refused shown beside the form with what they typed.
 */
class PortalDataPageTest {

    static final UUID ERASURE = UUID.fromString("6f1e2d3c-4b5a-4968-8776-655443322110");
    static final UUID ACCESS = UUID.fromString("7a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d");

    final RecordingPortal portal = new RecordingPortal();
    final PortalDataPage page = new PortalDataPage(portal, new Labels());

    @Test
    void theCandidateSeesWhatTheyMayAskTheirRequestsAndWhoLookedAtTheirFile() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(page.page(model)).isEqualTo("portal-data");
        String html = render(model);
        assertThat(html)
                .contains("must answer within one month")
                .contains("A copy of my data", "Delete my data", "Correct my data", "Stop using my data")
                .contains("This cannot be undone.", "I understand that deleting my data cannot be undone.")
                .contains("value=\"ACCESS\"", "value=\"ERASURE\"", "value=\"RECTIFICATION\"", "value=\"RESTRICTION\"")
                .doesNotContain("checked");
        // the requests: the late erasure (its status as last known), the completed copy with what was done
        assertThat(html)
                .contains(
                        ">Delete my data<", "1 Oct 2026", "1 Nov 2026", ">Late<", "(as last known)", "Not answered yet")
                .contains(">A copy of my data<", ">Completed<", "We sent you your data on 3 Dec.");
        // who looked, in words, newest first
        assertThat(html)
                .contains("6 Dec 2026, 10:15 UTC", "A member of Acme Agency&#39;s team downloaded your resume.")
                .contains("A member of Acme Agency&#39;s team opened your profile.");
        String views = html.substring(html.indexOf("id=\"file-views\""));
        assertThat(views.indexOf("downloaded your resume")).isLessThan(views.indexOf("opened your profile"));
        assertThat(portal.asked).containsExactly("privacyRequests", "views");
    }

    @Test
    void nothingAskedYetAndNobodyLookedAreSaidSo() {
        portal.requests = List.of();
        portal.views = List.of();
        ExtendedModelMap model = new ExtendedModelMap();
        page.page(model);
        assertThat(render(model))
                .contains("You have not asked anything yet.", "Nobody at the organisation has opened your file yet.")
                .doesNotContain("id=\"my-requests\"", "id=\"file-views\"");
    }

    @Test
    void aRequestIsSentAsTypedAndTheNextPageSaysWhenItIsDue() {
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        assertThat(page.file("RECTIFICATION", "My surname is Smith, not Smyth.", false, flash, new ExtendedModelMap()))
                .isEqualTo("redirect:/portal/data");
        assertThat(portal.filed)
                .containsExactly(new PortalPrivacyRequestForm("RECTIFICATION", "My surname is Smith, not Smyth."));
        assertThat(flash.getFlashAttributes().get("notice"))
                .isEqualTo(
                        "Your request is sent. The organisation must answer by 6 Jan 2027; you can follow it below.");

        page.file("ACCESS", "  ", false, new RedirectAttributesModelMap(), new ExtendedModelMap());
        assertThat(portal.filed.getLast()).isEqualTo(new PortalPrivacyRequestForm("ACCESS", null));
    }

    @Test
    void aDeletionIsSentOnlyOnceConfirmed() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(page.file("ERASURE", null, false, new RedirectAttributesModelMap(), model))
                .isEqualTo("portal-data");
        assertThat(portal.filed).isEmpty();
        assertThat(render(model))
                .contains("Tick the box to confirm that your data is to be deleted.")
                .contains("aria-describedby=\"t-ERASURE-about\" checked=\"checked\"");

        assertThat(page.file("ERASURE", null, true, new RedirectAttributesModelMap(), new ExtendedModelMap()))
                .isEqualTo("redirect:/portal/data");
        assertThat(portal.filed).containsExactly(new PortalPrivacyRequestForm("ERASURE", null));
    }

    @Test
    void whatApplicationsRefusesIsShownBesideTheFormWithWhatWasTyped() {
        portal.refuse = ModelsPagesTest.refusal(
                HttpStatus.BAD_REQUEST,
                "{\"title\":\"Invalid request\",\"detail\":\"The request has 1 invalid field(s).\","
                        + "\"errors\":[{\"field\":\"details\",\"message\":\"is required for a correction: say what is wrong\"}]}");
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(page.file("RECTIFICATION", null, false, new RedirectAttributesModelMap(), model))
                .isEqualTo("portal-data");
        assertThat(render(model))
                .contains("What is wrong: is required for a correction: say what is wrong.")
                .contains("aria-describedby=\"t-RECTIFICATION-about\" checked=\"checked\"");

        portal.refuse = ModelsPagesTest.refusal(
                HttpStatus.CONFLICT,
                "{\"title\":\"Conflict\",\"detail\":\"You already have an open request of this kind: it is answered by its due date.\"}");
        ExtendedModelMap conflict = new ExtendedModelMap();
        page.file("ACCESS", "Everything, please & thanks", false, new RedirectAttributesModelMap(), conflict);
        assertThat(render(conflict))
                .contains("You already have an open request of this kind")
                .contains("Everything, please &amp; thanks</textarea>");
        assertThat(portal.filed).isEmpty();
    }

    @Test
    void theAuditLogAwayLeavesTheRestOfThePage() {
        portal.viewsRefused = HttpServerErrorException.create(
                HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", null, new byte[0], null);
        ExtendedModelMap model = new ExtendedModelMap();
        page.page(model);
        assertThat(render(model))
                .contains("Who looked at your file cannot be shown just now.")
                .contains("Send my request", ">Delete my data<")
                .doesNotContain("Nobody at the organisation has opened your file yet.");
    }

    static String render(Model model) {
        return Templates.render("portal-data", "/portal/data", model, Map.of(), "content");
    }

    /** applications' portal as the page sees it: a late erasure shown as last known, a completed copy, two views. */
    static final class RecordingPortal implements PortalApi {
        final List<String> asked = new ArrayList<>();
        final List<PortalPrivacyRequestForm> filed = new ArrayList<>();
        RestClientResponseException refuse;
        RestClientResponseException viewsRefused;
        List<PortalPrivacyRequest> requests = List.of(
                new PortalPrivacyRequest(
                        ERASURE,
                        "ERASURE",
                        "OPEN",
                        Instant.parse("2026-10-01T09:00:00Z"),
                        Instant.parse("2026-11-01T09:00:00Z"),
                        null,
                        true,
                        null,
                        true),
                new PortalPrivacyRequest(
                        ACCESS,
                        "ACCESS",
                        "COMPLETED",
                        Instant.parse("2026-09-01T09:00:00Z"),
                        Instant.parse("2026-10-01T09:00:00Z"),
                        Instant.parse("2026-09-03T09:00:00Z"),
                        false,
                        "We sent you your data on 3 Dec.",
                        false));
        List<PortalFileView> views = List.of(
                new PortalFileView(
                        Instant.parse("2026-12-06T10:15:00Z"),
                        "downloaded your resume",
                        "a member of Acme Agency's team"),
                new PortalFileView(
                        Instant.parse("2026-12-05T08:00:00Z"),
                        "opened your profile",
                        "a member of Acme Agency's team"));

        @Override
        public PortalPrivacyRequest filePrivacyRequest(PortalPrivacyRequestForm form) {
            if (refuse != null) {
                throw refuse;
            }
            filed.add(form);
            return new PortalPrivacyRequest(
                    UUID.randomUUID(),
                    form.type(),
                    "OPEN",
                    Instant.parse("2026-12-06T09:00:00Z"),
                    Instant.parse("2027-01-06T09:00:00Z"),
                    null,
                    false,
                    null,
                    false);
        }

        @Override
        public List<PortalPrivacyRequest> privacyRequests() {
            asked.add("privacyRequests");
            return requests;
        }

        @Override
        public List<PortalFileView> views() {
            asked.add("views");
            if (viewsRefused != null) {
                throw viewsRefused;
            }
            return views;
        }

        @Override
        public PortalView me() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PortalView correct(CandidateCorrection correction) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PortalView withdraw(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PortalView withdrawConsent() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PortalView upload(MultiValueMap<String, HttpEntity<?>> form) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ResponseEntity<byte[]> export() {
            throw new UnsupportedOperationException();
        }
    }
}
