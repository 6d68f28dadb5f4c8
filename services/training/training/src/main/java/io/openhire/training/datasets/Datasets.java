package io.openhire.training.datasets;

import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.errors.DomainException;
import io.openhire.tagging.TokenSpan;
import io.openhire.training.TrainingProperties;
import io.openhire.training.TrainingTask;
import io.openhire.training.client.DatasetView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Datasets: imported once, checked whole before anything is stored. The file is kept as it came (its SHA-256 is
 * what a model's lineage names), and read again by the jobs that train on it. The one change a dataset ever sees is
 * a data-subject erasure: its file is written again without the person's items ({@link #eraseItems}).
 */
@Service
public class Datasets {

    private static final String COLUMNS =
            "id, name, task, format, sha256, size_bytes, sentences, spans, labels, licence, source, created_by,"
                    + " created_at, erased_items, erased_at";

    private final JdbcClient jdbc;
    private final TrainingProperties properties;
    private final Clock clock;

    Datasets(JdbcClient jdbc, TrainingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** What an import gives back: the dataset, and whether it was new. */
    public record Imported(DatasetView dataset, boolean created) {}

    /**
     * Reads and checks the file, then stores it; the same content imported again for the task returns the
     * dataset it already is.
     */
    public Imported importFile(
            UUID organizationId,
            String actor,
            byte[] file,
            String name,
            String formatName,
            String taskName,
            String licence,
            String source) {
        TrainingTask task = TrainingTask.of(taskName);
        DatasetFormat format = DatasetFormat.of(formatName);
        String cleanName = text("name", name, 200, true);
        String cleanLicence = text("licence", licence, 100, true);
        String cleanSource = text("source", source, 500, false);
        if (file == null || file.length == 0) {
            throw DomainException.invalidField("file", "must not be empty");
        }
        if (file.length > properties.maxDatasetSize().toBytes()) {
            throw new DomainException(
                    DomainException.Category.TOO_LARGE,
                    "dataset-too-large",
                    "Payload too large",
                    "A dataset file is at most " + properties.maxDatasetSize().toMegabytes() + " MB.");
        }
        String sha256 = Sha256.hex(file);
        Optional<DatasetView> existing = find(task, sha256);
        if (existing.isPresent()) {
            return new Imported(existing.get(), false);
        }
        if (!format.teaches(task)) {
            throw DomainException.invalidField(
                    "format",
                    format + " does not teach " + task.id() + ": use "
                            + java.util.Arrays.stream(DatasetFormat.values())
                                    .filter(f -> f.teaches(task))
                                    .toList());
        }
        Counts counts = Counts.of(format.read(file));
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            INSERT INTO dataset (id, organization_id, name, task, format, sha256, size_bytes,
                                sentences, spans, labels, licence, source, content, created_by, created_at)
                            VALUES (:id, :org, :name, :task, :format, :sha, :size, :sentences, :spans, :labels,
                                :licence, :source, :content, :actor, :now)
                            """)
                    .param("id", id)
                    .param("org", organizationId)
                    .param("name", cleanName)
                    .param("task", task.id())
                    .param("format", format.name())
                    .param("sha", sha256)
                    .param("size", (long) file.length)
                    .param("sentences", counts.sentences())
                    .param("spans", counts.spans())
                    .param("labels", counts.labels())
                    .param("licence", cleanLicence)
                    .param("source", cleanSource)
                    .param("content", file)
                    .param("actor", actor)
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException raced) {
            // imported at the same moment by someone else: theirs is the dataset
            return new Imported(find(task, sha256).orElseThrow(), false);
        }
        return new Imported(get(id), true);
    }

    public List<DatasetView> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dataset ORDER BY created_at DESC, id LIMIT 500")
                .query(Datasets::view)
                .list();
    }

    public DatasetView get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dataset WHERE id = :id")
                .param("id", id)
                .query(Datasets::view)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Dataset " + id));
    }

    /**
     * The labelled sentences or resumes of a dataset, read from its stored file as they were read at import; none
     * when an erasure took every item out.
     */
    public List<Labelled> items(UUID id) {
        record Stored(String format, byte[] content) {}
        Stored stored = jdbc.sql("SELECT format, content FROM dataset WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Stored(rs.getString("format"), rs.getBytes("content")))
                .optional()
                .orElseThrow(() -> DomainException.notFound("Dataset " + id));
        if (stored.content().length == 0) {
            return List.of();
        }
        return DatasetFormat.valueOf(stored.format()).parse(stored.content());
    }

    /**
     * The dataset the file is for the task: the one imported as it is, else one an erasure rewrote into it (only
     * datasets as imported are unique by content, see V3__erasure.sql).
     */
    private Optional<DatasetView> find(TrainingTask task, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dataset WHERE task = :task AND sha256 = :sha"
                        + " ORDER BY erased_at IS NOT NULL, created_at, id LIMIT 1")
                .param("task", task.id())
                .param("sha", sha256)
                .query(Datasets::view)
                .optional();
    }

    /** An item of a dataset that holds what was looked for. */
    public record FoundItem(UUID datasetId, String dataset, String task, String where, String text) {}

    /** A dataset an erasure wrote again: how many of its items went. */
    public record Erased(UUID datasetId, String dataset, int items) {}

    /**
     * The items of every dataset (platform data: whoever imported it) whose text {@code holds}, dataset by dataset
     * (each file is read whole, one at a time).
     */
    public List<FoundItem> findItems(Predicate<String> holds) {
        List<FoundItem> found = new ArrayList<>();
        for (UUID id : ids()) {
            Stored dataset = stored(id, false);
            for (DatasetItems.Item item : DatasetItems.of(dataset.format(), dataset.content())) {
                if (holds.test(item.text())) {
                    found.add(new FoundItem(id, dataset.name(), dataset.task(), item.where(), item.text()));
                }
            }
        }
        return found;
    }

    /**
     * Writes each dataset that has items whose text {@code holds} again without them, in the caller's transaction
     * (each row locked while it is rewritten: two erasures never write the same file at once). The dataset keeps its
     * id, so the jobs that name it still do; its SHA-256, size and counts become those of the new file, counted as
     * an import counts them, and it keeps how many items were erased and when (never whose). A file with no item
     * left is stored empty: a job finds nothing to train on in it.
     *
     * @return the datasets written again
     */
    public List<Erased> eraseItems(Predicate<String> holds) {
        List<Erased> erased = new ArrayList<>();
        for (UUID id : ids()) {
            Stored dataset = stored(id, true);
            List<DatasetItems.Item> items = DatasetItems.of(dataset.format(), dataset.content());
            Set<Integer> removed = new TreeSet<>();
            for (int i = 0; i < items.size(); i++) {
                if (holds.test(items.get(i).text())) {
                    removed.add(i);
                }
            }
            if (removed.isEmpty()) {
                continue;
            }
            byte[] content = DatasetItems.without(dataset.format(), dataset.content(), items.size(), removed);
            Counts counts = content.length == 0
                    ? Counts.of(List.of())
                    : Counts.of(dataset.format().parse(content));
            jdbc.sql("""
                            UPDATE dataset SET content = :content, sha256 = :sha, size_bytes = :size,
                                sentences = :sentences, spans = :spans, labels = :labels,
                                erased_items = erased_items + :erased, erased_at = :now
                            WHERE id = :id
                            """)
                    .param("id", id)
                    .param("content", content)
                    .param("sha", Sha256.hex(content))
                    .param("size", (long) content.length)
                    .param("sentences", counts.sentences())
                    .param("spans", counts.spans())
                    .param("labels", counts.labels())
                    .param("erased", removed.size())
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
            erased.add(new Erased(id, dataset.name(), removed.size()));
        }
        return erased;
    }

    private List<UUID> ids() {
        return jdbc.sql("SELECT id FROM dataset ORDER BY created_at, id")
                .query(UUID.class)
                .list();
    }

    private record Stored(String name, String task, DatasetFormat format, byte[] content) {}

    private Stored stored(UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT name, task, format, content FROM dataset WHERE id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id)
                .query((rs, n) -> new Stored(
                        rs.getString("name"),
                        rs.getString("task"),
                        DatasetFormat.valueOf(rs.getString("format")),
                        rs.getBytes("content")))
                .single();
    }

    /** What an import reads from a file, and an erasure from what is left of it: the same counting for both. */
    private record Counts(int sentences, int spans, String[] labels) {

        static Counts of(List<Labelled> items) {
            int spans = 0;
            TreeSet<String> labels = new TreeSet<>();
            for (Labelled item : items) {
                for (TokenSpan span : item.sentence().spans()) {
                    spans++;
                    labels.add(span.type());
                }
            }
            return new Counts(items.size(), spans, labels.toArray(String[]::new));
        }
    }

    private static String text(String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw DomainException.invalidField(field, "must not be blank");
            }
            return null;
        }
        if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField(field, "must be at most " + max + " characters on one line");
        }
        return v;
    }

    private static DatasetView view(ResultSet rs, int n) throws SQLException {
        return new DatasetView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("task"),
                rs.getString("format"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getInt("sentences"),
                rs.getInt("spans"),
                strings(rs.getArray("labels")),
                rs.getString("licence"),
                rs.getString("source"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("erased_items"),
                rs.getTimestamp("erased_at") == null
                        ? null
                        : rs.getTimestamp("erased_at").toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
