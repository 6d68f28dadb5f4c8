package io.openhire.dashboard.web;

import io.openhire.dashboard.api.JobReviewsApi;
import io.openhire.dashboard.api.JobsApi;
import io.openhire.dashboard.api.MatchesApi;
import io.openhire.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * Jobs: the searchable list, and a job's page with its ad review and its ranked, explained shortlist
 * (weights, blind mode, feedback and reveal act on the shortlist in place).
 */
@Controller
class JobsPages {

    static final List<String> CATEGORIES =
            List.of("requiredSkills", "niceToHaveSkills", "title", "semantic", "experience", "location", "salary");
    static final Set<String> OUTCOMES = Set.of("SHORTLISTED", "REJECTED", "INTERVIEWED", "HIRED", "WITHDRAWN");
    static final int SHORTLIST_SIZE = 20;

    private final JobsApi jobs;
    private final JobReviewsApi reviews;
    private final MatchesApi matches;

    private final Labels labels;

    JobsPages(JobsApi jobs, JobReviewsApi reviews, MatchesApi matches, Labels labels) {
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
        Map<String, Object> found = jobs.jobs(Values.query(
                "text",
                trim(text),
                "status",
                status.equals("ALL") ? null : status,
                "location",
                trim(location),
                "remote",
                "true".equals(remote) ? "true" : null,
                "page",
                String.valueOf(page),
                "size",
                "20"));
        model.addAttribute("jobs", Values.list(found, "items"));
        model.addAttribute("total", Values.number(found, "total"));
        model.addAttribute("page", page);
        model.addAttribute("lastPage", (Values.number(found, "total") - 1) / 20);
        model.addAttribute("text", trim(text));
        model.addAttribute("status", status);
        model.addAttribute("location", trim(location));
        model.addAttribute("remote", "true".equals(remote));
        return PageModel.partial(request) ? "jobs :: results" : "jobs";
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.job(id));
        model.addAttribute("review", review(id));
        settings(id, model);
        return "job";
    }

    /** The shortlist, loaded after the page (it is the slow part) and again whenever something changes it. */
    @GetMapping("/jobs/{id}/shortlist")
    String shortlist(@PathVariable UUID id, Model model) {
        try {
            Map<String, Object> list = matches.forJob(id, SHORTLIST_SIZE);
            model.addAttribute("list", list);
            model.addAttribute("given", given(id));
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.UnprocessableContent e) {
            // matching has not heard of the job yet (its analysis is still running)
            model.addAttribute("notYet", io.openhire.dashboard.api.ApiProblem.message(e));
        } catch (org.springframework.web.client.HttpServerErrorException.ServiceUnavailable e) {
            model.addAttribute("notYet", io.openhire.dashboard.api.ApiProblem.message(e));
        }
        model.addAttribute("jobId", id);
        model.addAttribute("categories", CATEGORIES);
        return "job :: shortlist";
    }

    /** Weight sliders (0–10 per category) saved for this job; the shortlist is ranked again with them. */
    @PostMapping("/jobs/{id}/weights")
    String weights(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> current = matches.jobSettings(id);
        Map<String, Object> change = new HashMap<>();
        change.put("blind", "JOB".equals(current.get("blindFrom")) ? current.get("blind") : null);
        if (form.containsKey("reset")) {
            change.put("weights", null);
        } else {
            Map<String, Double> weights = new LinkedHashMap<>();
            for (String category : CATEGORIES) {
                String value = form.get(category);
                if (value != null) {
                    weights.put(category, weight(category, value));
                }
            }
            change.put("weights", weights);
        }
        // matching answers with the settings as saved: show those, no second read
        showSettings(id, matches.setJobSettings(id, change), model);
        model.addAttribute("oob", "true");
        shortlist(id, model);
        // Moving a slider must not replace the sliders (focus would jump); a reset must, to show the model's values.
        return form.containsKey("reset") ? "job :: shortlist-and-settings" : "job :: shortlist-and-weights-source";
    }

    /** Blind mode for this job: names hidden in the shortlist until revealed one by one. */
    @PostMapping("/jobs/{id}/blind")
    String blind(@PathVariable UUID id, @RequestParam boolean blind, Model model) {
        Map<String, Object> current = matches.jobSettings(id);
        Map<String, Object> change = new HashMap<>();
        change.put("blind", blind);
        change.put("weights", "JOB".equals(current.get("weightsFrom")) ? current.get("weights") : null);
        // matching answers with the settings as saved: show those, no second read
        showSettings(id, matches.setJobSettings(id, change), model);
        model.addAttribute("oob", "true");
        shortlist(id, model);
        return "job :: shortlist-and-settings";
    }

    @PostMapping("/jobs/{id}/feedback")
    String feedback(@PathVariable UUID id, @RequestParam UUID candidateId, @RequestParam String outcome, Model model) {
        if (!OUTCOMES.contains(outcome)) {
            throw ProblemException.badRequest("outcome", "Choose shortlist, reject, interviewed, hired or withdrawn.");
        }
        Map<String, Object> recorded =
                matches.feedback(Map.of("jobId", id, "candidateId", candidateId, "outcome", outcome));
        model.addAttribute("jobId", id);
        model.addAttribute("candidateId", candidateId);
        model.addAttribute("outcome", outcome);
        model.addAttribute("recorded", recorded);
        return "job :: feedback-given";
    }

    @PostMapping("/jobs/{id}/reveal")
    String reveal(@PathVariable UUID id, @RequestParam UUID candidateId, Model model) {
        model.addAttribute("revealed", matches.reveal(Map.of("jobId", id, "candidateId", candidateId)));
        return "job :: revealed";
    }

    private void settings(UUID id, Model model) {
        Map<String, Object> settings;
        try {
            settings = matches.jobSettings(id);
        } catch (HttpClientErrorException.NotFound e) {
            settings = null;
        }
        showSettings(id, settings, model);
    }

    private void showSettings(UUID id, Map<String, Object> settings, Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("sliders", settings == null ? List.of() : sliders(Values.map(settings, "weights")));
        model.addAttribute("jobId", id);
        model.addAttribute("categories", CATEGORIES);
    }

    /** One weight slider: the category's share shown on a 0–10 scale, in steps of 0.5. */
    record Slider(String category, String label, String value) {}

    private List<Slider> sliders(Map<String, Object> weights) {
        return CATEGORIES.stream()
                .map(category -> {
                    double weight = weights.get(category) instanceof Number n ? n.doubleValue() : 0;
                    double onScale = Math.round(weight * 10 * 2) / 2.0;
                    return new Slider(
                            category, labels.category(category), String.format(java.util.Locale.ROOT, "%.1f", onScale));
                })
                .toList();
    }

    private Map<String, Object> review(UUID id) {
        try {
            return reviews.review(id);
        } catch (HttpClientErrorException.NotFound e) {
            return null;
        }
    }

    /** The latest feedback given per candidate for this job, so the buttons show what was decided. */
    private Map<String, String> given(UUID jobId) {
        Map<String, String> outcomes = new HashMap<>();
        for (Map<String, Object> feedback : matches.feedbackFor(jobId, 200)) {
            Object candidate = feedback.get("candidateId");
            if (candidate != null) {
                outcomes.putIfAbsent(candidate.toString(), String.valueOf(feedback.get("outcome")));
            }
        }
        return outcomes;
    }

    private static double weight(String category, String value) {
        try {
            double weight = Double.parseDouble(value);
            if (weight >= 0 && weight <= 10) {
                return weight;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.badRequest("weight", "The weight of " + category + " must be a number from 0 to 10.");
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
