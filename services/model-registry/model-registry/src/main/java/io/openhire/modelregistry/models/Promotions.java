package io.openhire.modelregistry.models;

import io.openhire.modelregistry.events.ModelPromoted;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves aliases: promotion (checked against the model's gates, some of which compare with the current
 * champion's metrics, when the alias is {@code champion}) and
 * one-step rollback. Each move is recorded in the alias history and announced as {@code model.promoted.v1}
 * in the same transaction. Changes to one model are serialised by locking its row.
 */
@Service
public class Promotions {

    private static final Logger log = LoggerFactory.getLogger(Promotions.class);

    public static final String CHAMPION = "champion";
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final int HISTORY_SCAN = 1000;

    private final Models models;
    private final Outbox outbox;
    private final Clock clock;

    Promotions(Models models, Outbox outbox, Clock clock) {
        this.models = models;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public AliasChange promote(String name, int version, String alias, String reason, String actor) {
        checkAlias(alias);
        RegisteredModel model = lock(name);
        ModelVersion target = models.version(name, version)
                .orElseThrow(() -> DomainException.notFound("Version " + version + " of model " + name));
        if (target.status() != ModelVersion.Status.READY) {
            throw DomainException.conflict(
                    "version-not-ready",
                    "Version " + version + " is " + target.status() + " and cannot be promoted"
                            + (target.statusReason() == null ? "." : ": " + target.statusReason()));
        }
        Models.Alias current = models.aliases(name).get(alias);
        if (current != null && current.version() == version) {
            throw DomainException.conflict(
                    "already-promoted",
                    "Alias " + alias + " of " + name + " already points at version " + version + ".");
        }
        if (alias.equals(CHAMPION)) {
            Champion champion = current == null
                    ? null
                    : new Champion(
                            current.version(),
                            models.version(name, current.version())
                                    .orElseThrow()
                                    .metrics());
            List<String> failures = gateFailures(model.gates(), target.metrics(), champion);
            if (!failures.isEmpty()) {
                throw new DomainException(
                                DomainException.Category.UNPROCESSABLE,
                                "promotion-gate-failed",
                                "Promotion refused",
                                "Version " + version + " of " + name + " does not pass the promotion gates: "
                                        + String.join("; ", failures) + ".")
                        .with("failures", failures);
            }
        }
        return move(name, alias, target, current == null ? null : current.version(), "PROMOTE", actor, reason);
    }

    /**
     * Points the alias back at the version it held before its latest promotion that is still in effect: a
     * second rollback goes one step further back, it does not undo the first.
     */
    @Transactional
    public AliasChange rollback(String name, String alias, String reason, String actor) {
        checkAlias(alias);
        lock(name);
        Models.Alias current = models.aliases(name).get(alias);
        if (current == null) {
            throw DomainException.notFound("Alias " + alias + " of model " + name);
        }
        Integer previous = rollbackTarget(models.history(name, alias, HISTORY_SCAN));
        if (previous == null) {
            throw DomainException.conflict(
                    "nothing-to-roll-back",
                    "Alias " + alias + " of " + name + " has no earlier version to go back to.");
        }
        ModelVersion target = models.version(name, previous).orElseThrow();
        if (target.status() != ModelVersion.Status.READY) {
            throw DomainException.conflict(
                    "version-not-ready", "Version " + previous + " is " + target.status() + " and cannot serve again.");
        }
        return move(name, alias, target, current.version(), "ROLLBACK", actor, reason);
    }

    /** Sets an alias only if the model does not have it yet (built-in models on first start). */
    @Transactional
    public void assignIfAbsent(String name, String alias, int version, String actor, String reason) {
        lock(name);
        if (!models.aliases(name).containsKey(alias)) {
            move(name, alias, models.version(name, version).orElseThrow(), null, "PROMOTE", actor, reason);
        }
    }

    @Transactional
    public RegisteredModel setGates(String name, List<RegisteredModel.Gate> gates) {
        lock(name);
        if (gates.size() > 50) {
            throw DomainException.invalidField("gates", "at most 50 gates");
        }
        for (RegisteredModel.Gate gate : gates) {
            if (gate.metric() == null
                    || gate.metric().isBlank()
                    || gate.metric().length() > 64) {
                throw DomainException.invalidField("gates[].metric", "required, at most 64 characters");
            }
            if (gate.min() == null && gate.max() == null && !gate.comparesWithChampion()) {
                throw DomainException.invalidField(
                        "gates[]", "give min, max or atLeastChampion: true (or several) for " + gate.metric());
            }
            if ((gate.min() != null && !Double.isFinite(gate.min()))
                    || (gate.max() != null && !Double.isFinite(gate.max()))) {
                throw DomainException.invalidField("gates[]", "bounds must be finite numbers");
            }
        }
        models.setGates(name, gates, clock.instant());
        return models.find(name).orElseThrow();
    }

    /** The version that holds {@code champion} when another is promoted to it, and what it reported. */
    record Champion(int version, Map<String, Double> metrics) {}

    /**
     * Every gate the version fails. A gate that compares with the champion passes when there is no champion
     * or the champion does not report the metric: there is nothing to compare with.
     *
     * @param champion the current champion, or null
     */
    static List<String> gateFailures(List<RegisteredModel.Gate> gates, Map<String, Double> metrics, Champion champion) {
        List<String> failures = new ArrayList<>();
        for (RegisteredModel.Gate gate : gates) {
            Double value = metrics.get(gate.metric());
            Double championValue = champion == null || !gate.comparesWithChampion()
                    ? null
                    : champion.metrics().get(gate.metric());
            if (value == null) {
                failures.add(gate.metric() + " is not reported");
            } else if (gate.min() != null && value < gate.min()) {
                failures.add(gate.metric() + " = " + value + " is below the minimum " + gate.min());
            } else if (gate.max() != null && value > gate.max()) {
                failures.add(gate.metric() + " = " + value + " is above the maximum " + gate.max());
            } else if (championValue != null && value < championValue) {
                failures.add(gate.metric() + " = " + value + " is below the champion's (version " + champion.version()
                        + ") " + championValue);
            }
        }
        return failures;
    }

    /** Walks the history newest first; each rollback cancels the promotion before it. */
    static Integer rollbackTarget(List<AliasChange> newestFirst) {
        int undone = 0;
        for (AliasChange change : newestFirst) {
            if (change.action().equals("ROLLBACK")) {
                undone++;
            } else if (undone > 0) {
                undone--;
            } else {
                return change.previousVersion();
            }
        }
        return null;
    }

    private AliasChange move(
            String name,
            String alias,
            ModelVersion target,
            Integer previous,
            String action,
            String actor,
            String reason) {
        models.setAlias(name, alias, target.version(), actor, clock.instant());
        AliasChange change =
                models.recordChange(name, alias, target.version(), previous, action, actor, reason, clock.instant());
        outbox.publish(
                ModelPromoted.TOPIC,
                name,
                new ModelPromoted(
                        name,
                        alias,
                        target.version(),
                        previous,
                        action,
                        target.artifactSha256(),
                        actor,
                        reason,
                        change.changedAt()),
                null);
        log.info("Model {}: {} {} → version {} by {}", name, action, alias, target.version(), actor);
        return change;
    }

    private RegisteredModel lock(String name) {
        return models.lock(name).orElseThrow(() -> DomainException.notFound("Model " + name));
    }

    private static void checkAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw DomainException.invalidField("alias", "1 to 32 lower-case letters, digits or dashes");
        }
    }
}
