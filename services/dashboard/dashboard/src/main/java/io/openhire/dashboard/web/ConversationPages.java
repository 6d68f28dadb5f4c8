package io.openhire.dashboard.web;

import io.openhire.communication.client.CallRequest;
import io.openhire.communication.client.CancelRequest;
import io.openhire.communication.client.CommunicationApi;
import io.openhire.communication.client.InterviewRequest;
import io.openhire.communication.client.InterviewView;
import io.openhire.communication.client.MessageView;
import io.openhire.communication.client.PreviewRequest;
import io.openhire.communication.client.SendRequest;
import io.openhire.communication.client.TemplateView;
import io.openhire.communication.events.Channel;
import io.openhire.dashboard.api.ApiProblem;
import io.openhire.matching.client.CandidateContact;
import io.openhire.matching.client.MatchingApi;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;

/**
 * A candidate's conversation on their page: every email either way (replies appear live), a composer with the
 * organisation's templates, and interviews (propose times, see bookings, cancel). The page knows the candidate
 * by a resume; matching says which candidate that is.
 */
@Controller
class ConversationPages {

    /** The time zones a recruiter picks from first: the platform's demo cities and the common business zones. */
    static final List<String> ZONES = List.of(
            "Europe/London",
            "Europe/Berlin",
            "Europe/Amsterdam",
            "Europe/Paris",
            "Europe/Madrid",
            "Europe/Oslo",
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/Toronto",
            "Asia/Kolkata",
            "Asia/Singapore",
            "Australia/Sydney",
            "UTC");

    private final MatchingApi matching;
    private final CommunicationApi communication;

    ConversationPages(MatchingApi matching, CommunicationApi communication) {
        this.matching = matching;
        this.communication = communication;
    }

    @GetMapping("/candidates/{resumeId}/conversation")
    String conversation(@PathVariable UUID resumeId, Model model) {
        return render(resumeId, model, null, null);
    }

    /** Sends an email to the candidate, from a template or as written; the form's key makes a resubmit harmless. */
    @PostMapping("/candidates/{resumeId}/messages")
    String send(
            @PathVariable UUID resumeId,
            @RequestParam(required = false) String templateId,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            @RequestParam String sendKey,
            Model model) {
        CandidateContact candidate = candidate(resumeId);
        if (candidate == null) {
            return render(
                    resumeId,
                    candidate,
                    model,
                    null,
                    "The candidate is not known yet: wait until the resume is parsed.");
        }
        boolean fromTemplate = templateId != null && !templateId.isBlank();
        try {
            communication.send(
                    sendKey,
                    new SendRequest(
                            Channel.EMAIL,
                            candidate.candidateId(),
                            null,
                            fromTemplate ? UUID.fromString(templateId) : null,
                            fromTemplate ? null : subject,
                            fromTemplate ? null : body,
                            null,
                            Map.of(),
                            null));
        } catch (IllegalArgumentException e) {
            return render(resumeId, candidate, model, null, "Choose a template from the list.");
        } catch (RestClientResponseException e) {
            return render(resumeId, candidate, model, null, ApiProblem.message(e));
        }
        return render(resumeId, candidate, model, "Sent: it is on its way.", null);
    }

    /** The chosen template as this candidate would get it (nothing when none is chosen). */
    @GetMapping("/candidates/{resumeId}/template-preview")
    String templatePreview(
            @PathVariable UUID resumeId, @RequestParam(required = false) String templateId, Model model) {
        CandidateContact candidate = candidate(resumeId);
        if (templateId != null && !templateId.isBlank() && candidate != null) {
            try {
                model.addAttribute(
                        "preview",
                        communication.preview(
                                UUID.fromString(templateId),
                                new PreviewRequest(candidate.candidateId(), null, Map.of())));
            } catch (IllegalArgumentException e) {
                model.addAttribute("previewError", "Choose a template from the list.");
            } catch (RestClientResponseException e) {
                model.addAttribute("previewError", ApiProblem.message(e));
            }
        }
        return "candidate :: template-preview";
    }

    /** Proposes interview times; the candidate gets an email with a link to book one. */
    @PostMapping("/candidates/{resumeId}/interviews")
    String propose(
            @PathVariable UUID resumeId,
            @RequestParam String title,
            @RequestParam(defaultValue = "45") int durationMinutes,
            @RequestParam String timeZone,
            @RequestParam(name = "slot", required = false) List<String> slots,
            @RequestParam(required = false) String location,
            Model model) {
        CandidateContact candidate = candidate(resumeId);
        if (candidate == null) {
            return render(
                    resumeId,
                    candidate,
                    model,
                    null,
                    "The candidate is not known yet: wait until the resume is parsed.");
        }
        List<LocalDateTime> times = new ArrayList<>();
        for (String slot : slots == null ? List.<String>of() : slots) {
            if (slot != null && !slot.isBlank()) {
                try {
                    times.add(LocalDateTime.parse(slot));
                } catch (DateTimeParseException e) {
                    return render(resumeId, candidate, model, null, "A proposed time is not a date and time: " + slot);
                }
            }
        }
        try {
            communication.proposeInterview(new InterviewRequest(
                    candidate.candidateId(),
                    null,
                    title,
                    durationMinutes,
                    timeZone,
                    times,
                    location == null || location.isBlank() ? null : location));
        } catch (RestClientResponseException e) {
            return render(resumeId, candidate, model, null, ApiProblem.message(e));
        }
        return render(
                resumeId, candidate, model, "Invitation sent: the candidate picks a time through their link.", null);
    }

    /** Records a call on the conversation. */
    @PostMapping("/candidates/{resumeId}/calls")
    String logCall(
            @PathVariable UUID resumeId,
            @RequestParam String outcome,
            @RequestParam(required = false) Integer durationMinutes,
            @RequestParam(required = false) String notes,
            Model model) {
        CandidateContact candidate = candidate(resumeId);
        if (candidate == null) {
            return render(
                    resumeId,
                    candidate,
                    model,
                    null,
                    "The candidate is not known yet: wait until the resume is parsed.");
        }
        try {
            communication.logCall(
                    new CallRequest(candidate.candidateId(), "OUTBOUND", outcome, durationMinutes, notes, null));
        } catch (RestClientResponseException e) {
            return render(resumeId, candidate, model, null, ApiProblem.message(e));
        }
        return render(resumeId, candidate, model, "Call logged.", null);
    }

    @PostMapping("/candidates/{resumeId}/interviews/{interviewId}/cancel")
    String cancel(@PathVariable UUID resumeId, @PathVariable UUID interviewId, Model model) {
        try {
            communication.cancel(interviewId, new CancelRequest(null));
        } catch (RestClientResponseException e) {
            return render(resumeId, model, null, ApiProblem.message(e));
        }
        return render(resumeId, model, "Cancelled: the candidate is told.", null);
    }

    private String render(UUID resumeId, Model model, String notice, String error) {
        return render(resumeId, candidate(resumeId), model, notice, error);
    }

    /** The conversation fragment for a candidate already asked for (null: not known yet). */
    private String render(UUID resumeId, CandidateContact candidate, Model model, String notice, String error) {
        model.addAttribute("resumeId", resumeId);
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        model.addAttribute("sendKey", UUID.randomUUID());
        model.addAttribute("zones", zones());
        model.addAttribute("candidate", candidate);
        if (candidate == null) {
            return "candidate :: conversation";
        }
        List<MessageView> thread = communication.thread(candidate.candidateId());
        List<TemplateView> templates = communication.templates().stream()
                .filter(t -> t.channel() == Channel.EMAIL)
                .toList();
        List<InterviewView> interviews = communication.interviews(candidate.candidateId());
        model.addAttribute("thread", thread);
        model.addAttribute("templates", templates);
        model.addAttribute("interviews", interviews);
        if (thread.stream().anyMatch(m -> "INBOUND".equals(m.direction()) && m.readAt() == null)) {
            communication.markRead(candidate.candidateId()); // shown now: read
        }
        return "candidate :: conversation";
    }

    private CandidateContact candidate(UUID resumeId) {
        try {
            return matching.candidateOfResume(resumeId);
        } catch (HttpClientErrorException.NotFound e) {
            return null;
        }
    }

    private static Set<String> zones() {
        Set<String> zones = new TreeSet<>(ZONES);
        zones.add(ZoneId.systemDefault().getId());
        return zones;
    }
}
