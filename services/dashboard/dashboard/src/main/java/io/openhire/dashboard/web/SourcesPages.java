package io.openhire.dashboard.web;

import io.openhire.dashboard.api.JobsApi;
import io.openhire.platform.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final JobsApi jobs;

    SourcesPages(JobsApi jobs) {
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
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", name);
        source.put("kind", kind);
        putIfText(source, "board", board);
        putIfText(source, "url", url);
        putIfText(source, "employer", employer);
        if (scheduleMinutes != null) {
            source.put("scheduleMinutes", scheduleMinutes);
        }
        jobs.createSource(source);
        model.addAttribute("sources", jobs.sources());
        model.addAttribute("created", name);
        return "sources :: list";
    }

    @PostMapping("/sources/{id}/crawl")
    String crawl(@PathVariable UUID id, Model model) {
        model.addAttribute("crawl", jobs.crawl(Map.of("sourceId", id)));
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

    private static void putIfText(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }
}
