package io.openhire.dashboard.web;

import io.openhire.applications.client.ApplicationView;
import io.openhire.applications.client.ApplicationsApi;
import io.openhire.applications.client.StageView;
import io.openhire.communication.client.BulkAccepted;
import io.openhire.communication.client.BulkSendRequest;
import io.openhire.communication.client.CommunicationApi;
import io.openhire.communication.client.TemplateView;
import io.openhire.communication.events.Channel;
import io.openhire.dashboard.api.ApiProblem;
import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.jobingestion.client.JobPage;
import io.openhire.jobingestion.client.JobQuery;
import io.openhire.jobprocessing.client.AdReport;
import io.openhire.jobprocessing.client.JobProcessingApi;
import io.openhire.matching.client.JobSettings;
import io.openhire.matching.client.JobSettingsRequest;
import io.openhire.matching.client.MatchList;
import io.openhire.matching.client.MatchingApi;
import io.openhire.matching.client.RevealRequest;
import io.openhire.matching.events.ScoreCategory;
import io.openhire.notification.client.NotificationApi;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Jobs: the searchable list, and a job's page with its pipeline board ({@link PipelinePages}), its ad review and
 * its ranked, explained candidates (weights, blind mode, reveal and "Add to job" act on the ranking in place).
 */
@Controller
class JobsPages {

    /** The parts of a match score, in the order the sliders and the breakdown show them. */
    static final List<ScoreCategory> CATEGORIES = List.of(ScoreCategory.values());

    static final int SHORTLIST_SIZE = 20;
    static final int PAGE_SIZE = 20;

    private final JobIngestionApi jobs;
    private final JobProcessingApi reviews;
    private final MatchingApi matches;
    private final CommunicationApi communication;
    private final NotificationApi notifications;
    private final ApplicationsApi applications;

    private final Labels labels;

    JobsPages(
            JobIngestionApi jobs,
            JobProcessingApi reviews,
            MatchingApi matches,
            CommunicationApi communication,
            NotificationApi notifications,
            ApplicationsApi applications,
            Labels labels) {
        this.communication = communication;
        this.applications = applications;
        this.notifications = notifications;
        this.labels = labels;
        this.jobs = jobs;
        this.reviews = reviews;
        this.matches = matches;
    }

    @GetMapping("/jobs")
    String list(
            @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String remote,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        if (!Set.of("OPEN", "CLOSED", "ALL").contains(status) || page < 0 || page > 10_000) {
            throw ProblemException.badRequest("filter", "Choose a status of Open, Closed or All.");
        }
        JobPage found = jobs.jobs(JobQuery.firstPage(PAGE_SIZE)
                .withText(trim(text))
                .withStatus(status.equals("ALL") ? null : status)
                .withLocation(trim(location))
                .withRemote("true".equals(remote) ? Boolean.TRUE : null)
                .withPage(page)
                .params());
        model.addAttribute("jobs", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("page", page);
        model.addAttribute("lastPage", (found.total() - 1) / PAGE_SIZE);
        model.addAttribute("text", trim(text));
        model.addAttribute("status", status);
        model.addAttribute("location", trim(location));
        model.addAttribute("remote", "true".equals(remote));
        return PageModel.partial(request) ? "jobs :: results" : "jobs";
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.job(id));
        model.addAttribute("jobId", id);
        model.addAttribute("sendKey", UUID.randomUUID());
        model.addAttribute("templates", emailTemplates());
        model.addAttribute("review", review(id));
        model.addAttribute("following", following(id));
        model.addAttribute("stages", stages());
        settings(id, model);
        return "job";
    }

    /** Whether the signed-in person follows the job; null (no button) while notification is away. */
    private Boolean following(UUID jobId) {
        try {
            return notifications.follows().stream().anyMatch(f -> f.jobId().equals(jobId));
        } catch (RestClientException | DomainException away) {
            return null;
        }
    }

    /** Follows or unfollows the job: new strong matches for it are notified to the person. */
    @PostMapping("/jobs/{id}/follow")
    String follow(@PathVariable UUID id, @RequestParam boolean follow, Model model) {
        if (follow) {
            notifications.follow(id);
        } else {
            try {
                notifications.unfollow(id);
            } catch (HttpClientErrorException.NotFound alreadyNot) {
                // not followed (another tab unfollowed it): the button shows it
            }
        }
        model.addAttribute("jobId", id);
        model.addAttribute("following", follow);
        return "job :: follow";
    }

    /** The shortlist, loaded after the page (it is the slow part) and again whenever something changes it. */
    @GetMapping("/jobs/{id}/shortlist")
    String shortlist(@PathVariable UUID id, Model model) {
        try {
            MatchList list = matches.candidatesForJob(id, SHORTLIST_SIZE);
            model.addAttribute("list", list);
            model.addAttribute(
                    "zeroScores",
                    list.matches().stream().filter(m -> m.score() < 1).count());
            model.addAttribute("pipeline", pipeline(id));
        } catch (HttpClientErrorException.NotFound
                | HttpClientErrorException.UnprocessableContent
                | HttpServerErrorException.ServiceUnavailable e) {
            // matching has not heard of the job yet (its analysis is still running), or is restarting
            model.addAttribute("notYet", ApiProblem.message(e));
        }
        model.addAttribute("jobId", id);
        model.addAttribute("categories", CATEGORIES);
        return "job :: shortlist";
    }

    /** Weight sliders (0–10 per category) saved for this job; the shortlist is ranked again with them. */
    @PostMapping("/jobs/{id}/weights")
    String weights(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        JobSettings current = matches.jobSettings(id);
        Map<ScoreCategory, Double> weights = null;
        if (!form.containsKey("reset")) {
            weights = new EnumMap<>(ScoreCategory.class);
            for (ScoreCategory category : CATEGORIES) {
                String value = form.get(category.key());
                if (value != null) {
                    weights.put(category, weight(category, value));
                }
            }
        }
        // Blind mode stays as it is: the job's own setting, or none (the organisation's).
        JobSettingsRequest change = new JobSettingsRequest(current.blindSetForJob() ? current.blind() : null, weights);
        // matching answers with the settings as saved: show those, no second read
        showSettings(id, matches.setJobSettings(id, change), model);
        model.addAttribute("oob", "true");
        shortlist(id, model);
        // Moving a slider must not replace the sliders (focus would jump); a reset must, to show the model's values.
        return form.containsKey("reset") ? "job :: shortlist-and-settings" : "job :: shortlist-and-weights-source";
    }

    /** Blind mode for this job: names hidden in the shortlist until revealed one by one. */
    @PostMapping("/jobs/{id}/blind")
    String blind(
            @PathVariable UUID id,
            @RequestParam boolean blind,
            jakarta.servlet.http.HttpServletResponse response,
            Model model) {
        // the board hides or shows its names too
        response.setHeader("HX-Trigger", "board-changed");
        JobSettings current = matches.jobSettings(id);
        // The weights stay as they are: the job's own, or none (the model's).
        JobSettingsRequest change =
                new JobSettingsRequest(blind, current.weightsSetForJob() ? current.weights() : null);
        // matching answers with the settings as saved: show those, no second read
        showSettings(id, matches.setJobSettings(id, change), model);
        model.addAttribute("oob", "true");
        shortlist(id, model);
        return "job :: shortlist-and-settings";
    }

    /**
     * Emails every candidate in one stage of this job's pipeline, personalised, in one bulk send (the form's key
     * makes a resubmit harmless); says who got nothing and why.
     */
    @PostMapping("/jobs/{id}/email-shortlist")
    String emailShortlist(
            @PathVariable UUID id,
            @RequestParam UUID stageId,
            @RequestParam(required = false) String templateId,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            @RequestParam String sendKey,
            Model model) {
        List<StageView> stages = stages();
        String stageName = stages.stream()
                .filter(s -> s.id().equals(stageId))
                .map(StageView::name)
                .findFirst()
                .orElseThrow(() -> ProblemException.badRequest("stage", "Choose a stage from the list."));
        List<UUID> shortlisted = applications.applicationsOfJob(id, 0, 200).applications().stream()
                .filter(a -> a.stageId().equals(stageId))
                .map(ApplicationView::candidateId)
                .distinct()
                .sorted()
                .toList();
        model.addAttribute("jobId", id);
        model.addAttribute("sendKey", UUID.randomUUID());
        model.addAttribute("templates", emailTemplates());
        model.addAttribute("stages", stages);
        if (shortlisted.isEmpty()) {
            model.addAttribute("error", "Nobody is in " + stageName + " for this job: move candidates there first.");
            return "job :: email-shortlist";
        }
        boolean fromTemplate = templateId != null && !templateId.isBlank();
        try {
            BulkAccepted sent = communication.sendBulk(
                    sendKey,
                    new BulkSendRequest(
                            Channel.EMAIL,
                            shortlisted,
                            fromTemplate ? UUID.fromString(templateId) : null,
                            fromTemplate ? null : subject,
                            fromTemplate ? null : body,
                            id,
                            Map.of(),
                            null));
            long skipped =
                    sent.recipients().stream().filter(r -> r.skipped() != null).count();
            model.addAttribute(
                    "notice",
                    "Sent to " + sent.queued() + " of " + shortlisted.size() + " candidate(s) in " + stageName
                            + (skipped == 0 ? "." : "; " + skipped + " got nothing (" + skippedReasons(sent) + ")."));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "Choose a template from the list.");
        } catch (RestClientResponseException e) {
            model.addAttribute("error", ApiProblem.message(e));
        }
        return "job :: email-shortlist";
    }

    private static String skippedReasons(BulkAccepted sent) {
        return sent.recipients().stream()
                .filter(r -> r.skipped() != null)
                .map(r -> switch (r.skipped()) {
                    case "no-address" -> "no email address";
                    case "suppressed" -> "unsubscribed or bounced";
                    case "no-consent" -> "no consent to marketing";
                    case "unknown-candidate" -> "no longer known";
                    default -> r.skipped();
                })
                .distinct()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private List<TemplateView> emailTemplates() {
        try {
            return communication.templates().stream()
                    .filter(t -> t.channel() == Channel.EMAIL)
                    .toList();
        } catch (RuntimeException e) {
            return List.of(); // communication is away: the job page works, the form offers writing the email
        }
    }

    /** Reveals one name under blind review: the ranking is shown again, that line with its name and link. */
    @PostMapping("/jobs/{id}/reveal")
    String reveal(@PathVariable UUID id, @RequestParam UUID candidateId, Model model) {
        matches.reveal(new RevealRequest(id, candidateId));
        return shortlist(id, model);
    }

    private void settings(UUID id, Model model) {
        JobSettings settings;
        try {
            settings = matches.jobSettings(id);
        } catch (HttpClientErrorException.NotFound e) {
            settings = null;
        }
        showSettings(id, settings, model);
    }

    private void showSettings(UUID id, JobSettings settings, Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("sliders", settings == null ? List.of() : sliders(settings.weights()));
        model.addAttribute("jobId", id);
        model.addAttribute("categories", CATEGORIES);
    }

    /**
     * One weight slider: the category's weight relative to the heaviest (at 10), in steps of 0.1.
     *
     * @param category the category's key ({@code requiredSkills}): the form field's name, and its element ids
     */
    record Slider(String category, String label, String value) {}

    private List<Slider> sliders(Map<ScoreCategory, Double> weights) {
        // Weights are relative: the heaviest is shown at 10 and the others in proportion, to a tenth. (Shown as
        // weight × 10 in steps of 0.5, a 0.07 and a 0.03 both became 0.5, and ranking again saved them so.)
        double heaviest = weights == null
                ? 0
                : weights.values().stream()
                        .filter(w -> w != null)
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(0);
        double scale = heaviest > 0 ? 10 / heaviest : 0;
        return CATEGORIES.stream()
                .map(category -> {
                    Double weight = weights == null ? null : weights.get(category);
                    double onScale = Math.round((weight == null ? 0 : weight) * scale * 10) / 10.0;
                    return new Slider(
                            category.key(), labels.category(category), String.format(Locale.ROOT, "%.1f", onScale));
                })
                .toList();
    }

    private AdReport review(UUID id) {
        try {
            return reviews.review(id);
        } catch (HttpClientErrorException.NotFound e) {
            return null;
        }
    }

    /** Where each candidate of the job's pipeline is (their stage's name); empty while applications is away. */
    private Map<UUID, String> pipeline(UUID jobId) {
        Map<UUID, String> stages = new HashMap<>();
        try {
            for (ApplicationView a :
                    applications.applicationsOfJob(jobId, 0, 200).applications()) {
                stages.put(a.candidateId(), a.stageName());
            }
        } catch (RestClientException | DomainException away) {
            // the ranking is shown without the marks
        }
        return stages;
    }

    private List<StageView> stages() {
        try {
            return applications.stages().stages();
        } catch (RestClientException | DomainException away) {
            return List.of();
        }
    }

    private static double weight(ScoreCategory category, String value) {
        try {
            double weight = Double.parseDouble(value);
            if (weight >= 0 && weight <= 10) {
                return weight;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.badRequest(
                "weight", "The weight of " + category.key() + " must be a number from 0 to 10.");
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
