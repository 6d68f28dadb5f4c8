package io.openhire.dashboard.web;

import io.openhire.jobingestion.client.CrawlRequest;
import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.jobingestion.client.NewSource;
import io.openhire.platform.web.ProblemException;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Job sources and crawls: the configured career sites and boards with their connector health, a form to
 * add one, "crawl now", and a crawl's progress (the page polls it while it runs).
 */
@Controller
class SourcesPages {

    static final Set<String> KINDS = Set.of("GREENHOUSE", "LEVER", "JSON_LD", "FEED", "USAJOBS");

    private final JobIngestionApi jobs;

    SourcesPages(JobIngestionApi jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/sources")
    String sources(Model model) {
        model.addAttribute("sources", jobs.sources());
        return "sources";
    }

    @PostMapping("/sources")
    String create(
            @RequestParam String name,
            @RequestParam String kind,
            @RequestParam(required = false) String board,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String employer,
            @RequestParam(required = false) Integer scheduleMinutes,
            Model model) {
        if (!KINDS.contains(kind)) {
            throw ProblemException.badRequest("kind", "Choose the kind of source.");
        }
        try {
            jobs.createSource(
                    new NewSource(name, kind, text(board), text(url), text(employer), scheduleMinutes, null, null));
            model.addAttribute("created", name);
        } catch (org.springframework.web.client.RestClientResponseException refused) {
            // the list stays, with the reason above it (the form keeps what was typed)
            model.addAttribute("error", io.openhire.dashboard.api.ApiProblem.message(refused));
        }
        model.addAttribute("sources", jobs.sources());
        return "sources :: list";
    }

    @PostMapping("/sources/{id}/crawl")
    String crawl(@PathVariable UUID id, Model model) {
        model.addAttribute("crawl", jobs.crawl(new CrawlRequest(id)));
        return "sources :: crawl";
    }

    @GetMapping("/crawls/{id}")
    String crawlProgress(@PathVariable UUID id, Model model) {
        model.addAttribute("crawl", jobs.crawlStatus(id));
        return "sources :: crawl";
    }

    @PostMapping("/sources/{id}/delete")
    String delete(@PathVariable UUID id, Model model) {
        jobs.deleteSource(id);
        model.addAttribute("sources", jobs.sources());
        return "sources :: list";
    }

    /** A field of the form, or null when it was left empty. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
