package io.openhire.dashboard.web;

import io.openhire.dashboard.api.ApiProblem;
import io.openhire.monitoring.client.DeadLetter;
import io.openhire.monitoring.client.ErrorGroup;
import io.openhire.monitoring.client.MonitoringApi;
import io.openhire.platform.web.ProblemException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClientResponseException;

/**
 * The System page's parts for platform operators: the open error groups, with "Resolve", and the latest dead
 * letters, with "Replay". Both span every organisation, so they are for platform operators only: {@code
 * SignInSecurity} refuses anyone else these paths, and monitoring refuses them too. The page loads each part
 * after it shows ({@code hx-trigger="load"}): reading dead letters means reading Kafka, which may take seconds,
 * and must not hold up the status. Each action answers its part again, with what happened above the list.
 */
@Controller
class SystemOperatorPages {

    private static final Logger log = LoggerFactory.getLogger(SystemOperatorPages.class);

    /** How many error groups and dead letters the page lists (the most recently seen / newest first). */
    static final int ERRORS_SHOWN = 50;

    static final int DEAD_LETTERS_SHOWN = 25;

    /** Kafka's rule for topic names with the dead-letter suffix, as monitoring checks it. */
    private static final Pattern DEAD_LETTER_TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,245}\\.dlt");

    static final String UNREACHABLE = "The monitoring service cannot be reached right now. Try again shortly.";

    static final String ALREADY_REPLAYED =
            "This record was replayed already: a replay sends a record back to its topic once.";

    private final MonitoringApi monitoring;

    SystemOperatorPages(MonitoringApi monitoring) {
        this.monitoring = monitoring;
    }

    @GetMapping("/system/errors")
    String errors(Model model) {
        return errorsPart(model);
    }

    /** Marks the group resolved; a new report of the same error reopens it. */
    @PostMapping("/system/errors/{id}/resolve")
    String resolve(@PathVariable UUID id, Model model) {
        try {
            ErrorGroup resolved = monitoring.resolve(id);
            model.addAttribute(
                    "errorsNotice",
                    "Resolved " + shortType(resolved.type()) + " in " + resolved.service()
                            + ". A new report of it reopens it.");
        } catch (RuntimeException failed) {
            model.addAttribute("errorsRefused", sentence(failed, "nothing was resolved"));
        }
        return errorsPart(model);
    }

    @GetMapping("/system/dead-letters")
    String deadLetters(Model model) {
        return deadLettersPart(model);
    }

    /** Sends the record back to its original topic, once; a second press is told it was replayed already. */
    @PostMapping("/system/dead-letters/{topic}/{partition}/{offset}/replay")
    String replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset, Model model) {
        if (!DEAD_LETTER_TOPIC.matcher(topic).matches() || partition < 0 || offset < 0) {
            throw ProblemException.notFound("Dead letter " + "at that place");
        }
        try {
            DeadLetter replayed = monitoring.replay(topic, partition, offset);
            DeadLetter.Replay replay = replayed.replay();
            model.addAttribute(
                    "deadLettersNotice",
                    replay == null
                            ? "Replayed: the record went back to " + replayed.originalTopic() + "."
                            : "Replayed: the record went back to " + replayed.originalTopic() + " (partition "
                                    + replay.partition() + ", offset " + replay.offset() + ").");
        } catch (RestClientResponseException refused) {
            model.addAttribute(
                    "deadLettersRefused",
                    refused.getStatusCode().value() == 409
                            ? ALREADY_REPLAYED
                            : sentence(refused, "nothing was replayed"));
        } catch (RuntimeException failed) {
            model.addAttribute("deadLettersRefused", sentence(failed, "nothing was replayed"));
        }
        return deadLettersPart(model);
    }

    private String errorsPart(Model model) {
        try {
            model.addAttribute("errorGroups", monitoring.errors("open", null, 0, ERRORS_SHOWN));
        } catch (RuntimeException failed) {
            model.addAttribute("errorsProblem", sentence(failed, null));
        }
        return "system :: errors";
    }

    private String deadLettersPart(Model model) {
        try {
            model.addAttribute("deadLetters", monitoring.deadLetters(null, DEAD_LETTERS_SHOWN));
        } catch (RuntimeException failed) {
            model.addAttribute("deadLettersProblem", sentence(failed, null));
        }
        return "system :: dead-letters";
    }

    /**
     * What went wrong as a sentence beside the list: monitoring's own (a 404, Kafka away) or that it cannot be
     * reached. A session that ended (401) goes to the page's error handling, which signs the person in again.
     * (The trace pages say it the same way.)
     */
    static String sentence(RuntimeException failed, String consequence) {
        if (failed instanceof RestClientResponseException refused) {
            if (refused.getStatusCode().value() == 401) {
                throw refused;
            }
            if (!refused.getStatusCode().is5xxServerError()
                    || refused.getStatusCode().value() == 503) {
                return ApiProblem.message(refused);
            }
        }
        log.debug("Monitoring not available: {}", failed.getClass().getSimpleName());
        return consequence == null
                ? UNREACHABLE
                : "The monitoring service cannot be reached: " + consequence + ". Try again shortly.";
    }

    /** "IllegalStateException" of "java.lang.IllegalStateException"; a browser's "TypeError" as it is. */
    static String shortType(String type) {
        return type == null ? "the error" : type.substring(type.lastIndexOf('.') + 1);
    }
}
