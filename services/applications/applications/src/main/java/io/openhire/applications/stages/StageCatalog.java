package io.openhire.applications.stages;

import io.openhire.applications.client.StageView;
import io.openhire.applications.client.Stages;
import io.openhire.applications.client.StagesUpdate;
import io.openhire.applications.events.StageCategory;
import io.openhire.platform.errors.DomainException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's stages and rejection reasons. An organisation that never changed them has the defaults,
 * written the first time they are needed (so that applications can point at their rows).
 */
@Service
public class StageCatalog {

    static final List<StagesUpdate.Stage> DEFAULT_STAGES = List.of(
            new StagesUpdate.Stage(null, "Applied", StageCategory.APPLIED),
            new StagesUpdate.Stage(null, "Screening", StageCategory.SCREENING),
            new StagesUpdate.Stage(null, "Interview", StageCategory.INTERVIEW),
            new StagesUpdate.Stage(null, "Offer", StageCategory.OFFER),
            new StagesUpdate.Stage(null, "Hired", StageCategory.HIRED),
            new StagesUpdate.Stage(null, "Rejected", StageCategory.REJECTED),
            new StagesUpdate.Stage(null, "Withdrawn", StageCategory.WITHDRAWN));
    static final List<String> DEFAULT_REASONS = List.of(
            "Not enough experience",
            "Skills do not match",
            "Salary expectations",
            "Location or work permit",
            "Another candidate was preferred",
            "Did not respond",
            "Position filled or closed");

    private static final Set<StageCategory> ENDS =
            EnumSet.of(StageCategory.HIRED, StageCategory.REJECTED, StageCategory.WITHDRAWN);
    private static final int MAX_STAGES = 30;
    private static final int MAX_NAME = 60;
    private static final int MAX_REASON = 120;

    private final JdbcClient jdbc;

    StageCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stages in order (active ones first, then the ends) and the rejection reasons. */
    @Transactional
    public Stages stages(UUID org) {
        return new Stages(current(org), reasons(org));
    }

    /** The organisation's stages in order, written as the defaults if it has none yet. */
    @Transactional
    public List<StageView> current(UUID org) {
        List<StageView> stages = read(org);
        if (!stages.isEmpty()) {
            return stages;
        }
        // Two first requests at once: the lock makes the second wait and then find the first one's rows.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:org))")
                .param("org", org.toString())
                .query()
                .listOfRows();
        stages = read(org);
        if (!stages.isEmpty()) {
            return stages;
        }
        int position = 0;
        for (StagesUpdate.Stage stage : DEFAULT_STAGES) {
            insert(org, UUID.randomUUID(), stage.name(), stage.category(), position++);
        }
        writeReasons(org, DEFAULT_REASONS);
        return read(org);
    }

    public StageView stage(UUID org, UUID stageId) {
        return current(org).stream()
                .filter(s -> s.id().equals(stageId))
                .findFirst()
                .orElseThrow(() -> DomainException.invalidField("stageId", "is not one of the organisation's stages"));
    }

    /** The organisation's (single) stage of an end category: Hired, Rejected or Withdrawn. */
    public StageView end(UUID org, StageCategory category) {
        return current(org).stream()
                .filter(s -> s.category() == category)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + category + " stage for " + org));
    }

    /** The first stage: where a new application starts. */
    public StageView first(UUID org) {
        return current(org).getFirst();
    }

    /** A stage's name, also for a retired stage (history names it). */
    public Optional<String> name(UUID stageId) {
        return jdbc.sql("SELECT name FROM stage WHERE id = :id")
                .param("id", stageId)
                .query(String.class)
                .optional();
    }

    public List<String> reasons(UUID org) {
        current(org);
        return jdbc.sql("SELECT reason FROM rejection_reason WHERE organization_id = :org ORDER BY position")
                .param("org", org)
                .query(String.class)
                .list();
    }

    /** Replaces the stages and reasons (see {@link StagesUpdate}); nothing changes when anything is refused. */
    @Transactional
    public Stages save(UUID org, StagesUpdate update) {
        if (update == null || update.stages() == null || update.stages().isEmpty()) {
            throw DomainException.invalidField("stages", "is required: the whole list, in order");
        }
        if (update.stages().size() > MAX_STAGES) {
            throw DomainException.invalidField("stages", "at most " + MAX_STAGES);
        }
        List<String> reasons = validReasons(update.rejectionReasons());
        Map<UUID, StageView> existing =
                current(org).stream().collect(Collectors.toMap(StageView::id, Function.identity()));
        Set<String> names = new HashSet<>();
        Set<StageCategory> ends = EnumSet.noneOf(StageCategory.class);
        boolean endsStarted = false;
        for (int i = 0; i < update.stages().size(); i++) {
            StagesUpdate.Stage stage = update.stages().get(i);
            String field = "stages[" + i + "]";
            if (stage == null || stage.category() == null) {
                throw DomainException.invalidField(field + ".category", "is required");
            }
            String name = stage.name() == null ? "" : stage.name().strip();
            if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
                throw DomainException.invalidField(field + ".name", "1–" + MAX_NAME + " characters on one line");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw DomainException.invalidField(field + ".name", "is used twice");
            }
            if (stage.id() != null) {
                StageView before = existing.get(stage.id());
                if (before == null) {
                    throw DomainException.invalidField(field + ".id", "is not one of the organisation's stages");
                }
                if (before.category() != stage.category()
                        && (ENDS.contains(before.category()) || ENDS.contains(stage.category()))) {
                    throw DomainException.invalidField(
                            field + ".category", "an end stage stays what it is (Hired, Rejected, Withdrawn)");
                }
            }
            if (ENDS.contains(stage.category())) {
                endsStarted = true;
                if (!ends.add(stage.category())) {
                    throw DomainException.invalidField(
                            field + ".category", "there is one " + stage.category() + " stage");
                }
            } else if (endsStarted) {
                throw DomainException.invalidField(field, "active stages come before Hired, Rejected and Withdrawn");
            }
            if (i == 0 && stage.category() != StageCategory.APPLIED) {
                throw DomainException.invalidField(field + ".category", "the first stage is of category APPLIED");
            }
        }
        if (ends.size() != ENDS.size()) {
            throw DomainException.invalidField("stages", "needs one stage each of HIRED, REJECTED and WITHDRAWN");
        }
        Set<UUID> kept = update.stages().stream()
                .map(StagesUpdate.Stage::id)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        for (StageView removed : existing.values()) {
            if (kept.contains(removed.id())) {
                continue;
            }
            long inIt = jdbc.sql("SELECT count(*) FROM application WHERE stage_id = :id")
                    .param("id", removed.id())
                    .query(Long.class)
                    .single();
            if (inIt > 0) {
                throw DomainException.conflict(
                                "stage-in-use",
                                "Stage '" + removed.name() + "' holds " + inIt
                                        + " application(s): move them before removing it.")
                        .with("stageId", removed.id());
            }
            // Kept in history: retired, not deleted.
            jdbc.sql("UPDATE stage SET retired = true, position = -1 WHERE id = :id")
                    .param("id", removed.id())
                    .update();
        }
        // Free the names first: a rename may take another stage's old name.
        jdbc.sql("UPDATE stage SET name = id::text WHERE organization_id = :org AND NOT retired")
                .param("org", org)
                .update();
        int position = 0;
        for (StagesUpdate.Stage stage : update.stages()) {
            String name = stage.name().strip();
            if (stage.id() != null) {
                jdbc.sql("UPDATE stage SET name = :name, category = :category, position = :position WHERE id = :id")
                        .param("name", name)
                        .param("category", stage.category().name())
                        .param("position", position++)
                        .param("id", stage.id())
                        .update();
            } else {
                insert(org, UUID.randomUUID(), name, stage.category(), position++);
            }
        }
        jdbc.sql("DELETE FROM rejection_reason WHERE organization_id = :org")
                .param("org", org)
                .update();
        writeReasons(org, reasons);
        return new Stages(read(org), reasons(org));
    }

    private static List<String> validReasons(List<String> reasons) {
        if (reasons == null || reasons.isEmpty() || reasons.size() > 30) {
            throw DomainException.invalidField("rejectionReasons", "1–30 reasons");
        }
        List<String> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < reasons.size(); i++) {
            String reason = reasons.get(i) == null ? "" : reasons.get(i).strip();
            if (reason.isEmpty()
                    || reason.length() > MAX_REASON
                    || reason.chars().anyMatch(Character::isISOControl)) {
                throw DomainException.invalidField(
                        "rejectionReasons[" + i + "]", "1–" + MAX_REASON + " characters on one line");
            }
            if (seen.add(reason.toLowerCase(Locale.ROOT))) {
                valid.add(reason);
            }
        }
        return valid;
    }

    private void insert(UUID org, UUID id, String name, StageCategory category, int position) {
        jdbc.sql("""
                        INSERT INTO stage (id, organization_id, name, category, position)
                        VALUES (:id, :org, :name, :category, :position)
                        """)
                .param("id", id)
                .param("org", org)
                .param("name", name)
                .param("category", category.name())
                .param("position", position)
                .update();
    }

    private void writeReasons(UUID org, List<String> reasons) {
        int position = 0;
        for (String reason : reasons) {
            jdbc.sql(
                            "INSERT INTO rejection_reason (organization_id, position, reason) VALUES (:org, :position, :reason)")
                    .param("org", org)
                    .param("position", position++)
                    .param("reason", reason)
                    .update();
        }
    }

    private List<StageView> read(UUID org) {
        return jdbc.sql("""
                        SELECT id, name, category, position FROM stage
                        WHERE organization_id = :org AND NOT retired ORDER BY position
                        """)
                .param("org", org)
                .query((rs, i) -> new StageView(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        StageCategory.valueOf(rs.getString("category")),
                        rs.getInt("position")))
                .list();
    }
}
