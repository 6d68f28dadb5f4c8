package io.openhire.dashboard.web;

import io.openhire.dashboard.api.JobsApi;
import io.openhire.dashboard.api.MatchesApi;
import io.openhire.dashboard.api.ResumesApi;
import io.openhire.dashboard.signin.SignedInUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /}: the pipeline at a glance (resumes by status, open jobs, what matching has indexed), newest
 * jobs. Those are the organisation's numbers, for staff: a client or a candidate gets a start page without
 * them (their own pages are not built yet).
 */
@Controller
class HomePage {

    static final List<String> RESUME_STATUSES = List.of("RECEIVED", "PARSED", "NEEDS_OCR", "FAILED");

    private final JobsApi jobs;
    private final ResumesApi resumes;
    private final MatchesApi matches;

    HomePage(JobsApi jobs, ResumesApi resumes, MatchesApi matches) {
        this.jobs = jobs;
        this.resumes = resumes;
        this.matches = matches;
    }

    @GetMapping("/")
    String home(Model model) {
        SignedInUser me = PageModel.signedIn();
        if (me == null || !me.isStaff()) {
            return "home";
        }
        pipeline(model);
        model.addAttribute("recentJobs", Values.list(jobs.jobs(Values.query("status", "OPEN", "size", "6")), "items"));
        return "home";
    }

    /** The counts alone, refreshed live when resumes or jobs change. */
    @GetMapping("/pipeline")
    String pipelineOnly(Model model) {
        pipeline(model);
        return "home :: pipeline";
    }

    private void pipeline(Model model) {
        List<Bar> bars = new ArrayList<>();
        for (String status : RESUME_STATUSES) {
            long count = Values.number(resumes.resumes(Values.query("status", status, "size", "1")), "total");
            bars.add(new Bar("Resumes " + Labels.status(status).toLowerCase(), status, count));
        }
        long openJobs = Values.number(jobs.jobs(Values.query("status", "OPEN", "size", "1")), "total");
        bars.add(new Bar("Open jobs", "OPEN", openJobs));
        long max = bars.stream().mapToLong(Bar::count).max().orElse(0);
        model.addAttribute("bars", bars);
        model.addAttribute("barMax", Math.max(max, 1));
        Map<String, Object> index = new LinkedHashMap<>();
        try {
            index = matches.index();
        } catch (RuntimeException e) {
            index.put("problem", "Matching is not answering right now.");
        }
        model.addAttribute("index", index);
    }

    /** One bar of the pipeline chart. */
    record Bar(String label, String status, long count) {}
}
