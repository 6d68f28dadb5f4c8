package io.openhire.dashboard.web;

import io.openhire.dashboard.signin.SignedInUser;
import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.jobingestion.client.JobQuery;
import io.openhire.matching.client.MatchingApi;
import io.openhire.resumeingestion.client.ResumeIngestionApi;
import io.openhire.resumeingestion.client.ResumeStatus;
import java.util.ArrayList;
import java.util.List;
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

    /** The pipeline's order: received, parsed, waiting for OCR, failed. */
    static final List<ResumeStatus> RESUME_STATUSES =
            List.of(ResumeStatus.RECEIVED, ResumeStatus.PARSED, ResumeStatus.NEEDS_OCR, ResumeStatus.FAILED);

    private final JobIngestionApi jobs;
    private final ResumeIngestionApi resumes;
    private final MatchingApi matches;

    HomePage(JobIngestionApi jobs, ResumeIngestionApi resumes, MatchingApi matches) {
        this.jobs = jobs;
        this.resumes = resumes;
        this.matches = matches;
    }

    @GetMapping("/")
    String home(Model model) {
        SignedInUser me = PageModel.signedIn();
        if (me != null && !me.isStaff() && me.isClient()) {
            return "redirect:/client";
        }
        if (me != null && !me.isStaff() && me.isCandidate()) {
            return "redirect:/portal";
        }
        if (me == null || !me.isStaff()) {
            return "home";
        }
        pipeline(model);
        model.addAttribute(
                "recentJobs",
                jobs.jobs(JobQuery.firstPage(6).withStatus("OPEN").params()).items());
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
        for (ResumeStatus status : RESUME_STATUSES) {
            long count = resumes.resumes(status, null, 0, 1).total();
            bars.add(new Bar(barLabel(status), status.name(), count));
        }
        long openJobs =
                jobs.jobs(JobQuery.firstPage(1).withStatus("OPEN").params()).total();
        bars.add(new Bar("Open jobs", "OPEN", openJobs));
        long max = bars.stream().mapToLong(Bar::count).max().orElse(0);
        model.addAttribute("bars", bars);
        model.addAttribute("barMax", Math.max(max, 1));
        try {
            model.addAttribute("index", matches.index());
        } catch (RuntimeException e) {
            model.addAttribute("indexProblem", "Matching is not answering right now.");
        }
    }

    /** One bar of the pipeline chart. */
    record Bar(String label, String status, long count) {}

    /** A bar's words: "Resumes needing OCR", not the status glued to a noun ("Resumes needs ocr"). */
    static String barLabel(ResumeStatus status) {
        return switch (status) {
            case RECEIVED -> "Resumes received";
            case PARSED -> "Resumes parsed";
            case NEEDS_OCR -> "Resumes needing OCR";
            case FAILED -> "Resumes that failed";
            default -> "Resumes " + Labels.status(status.name()).toLowerCase(java.util.Locale.ROOT);
        };
    }
}
