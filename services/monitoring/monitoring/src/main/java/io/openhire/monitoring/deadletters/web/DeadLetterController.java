package io.openhire.monitoring.deadletters.web;

import io.openhire.monitoring.client.DeadLetter;
import io.openhire.monitoring.deadletters.DeadLetters;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/monitoring/dead-letters}, {@code /dead-letters/{topic}/{partition}/{offset}} and {@code POST
 * .../replay}: platform operators only — a dead-letter topic holds every organisation's events.
 */
@RestController
@RequestMapping("/api/v1/monitoring/dead-letters")
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
class DeadLetterController {

    static final int MAX_LIMIT = 200;
    /** Kafka's own rule for topic names, and the dead-letter suffix. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,245}\\.dlt");

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetter> latest(
            @RequestParam(required = false) String topic, @RequestParam(defaultValue = "50") int limit) {
        if (topic != null) {
            checkTopic(topic);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalidField("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return deadLetters.latest(topic, limit);
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    DeadLetter one(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        check(topic, partition, offset);
        return deadLetters.one(topic, partition, offset);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    DeadLetter replay(
            AuthenticatedUser caller,
            @PathVariable String topic,
            @PathVariable int partition,
            @PathVariable long offset) {
        check(topic, partition, offset);
        return deadLetters.replay(topic, partition, offset, caller.actor());
    }

    private static void check(String topic, int partition, long offset) {
        checkTopic(topic);
        if (partition < 0) {
            throw DomainException.invalidField("partition", "must be 0 or more");
        }
        if (offset < 0) {
            throw DomainException.invalidField("offset", "must be 0 or more");
        }
    }

    private static void checkTopic(String topic) {
        if (!TOPIC.matcher(topic).matches()) {
            throw DomainException.invalidField("topic", "must be a dead-letter topic (<topic>.dlt)");
        }
    }
}
