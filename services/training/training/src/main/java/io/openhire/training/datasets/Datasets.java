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
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Datasets: imported once, checked whole before anything is stored, never changed. The file is kept as it
 * came (its SHA-256 is what a model's lineage names), and read again by the jobs that train on it.
 */
@Service
public class Datasets {

    private static final String COLUMNS =
            "id, name, task, format, sha256, size_bytes, sentences, spans, labels, licence, source, created_by,"
                    + " created_at";

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
        List<Labelled> sentences = format.read(file);
        int spans = 0;
        TreeSet<String> labels = new TreeSet<>();
        for (Labelled s : sentences) {
            for (TokenSpan span : s.sentence().spans()) {
                spans++;
                labels.add(span.type());
            }
        }
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
                    .param("sentences", sentences.size())
                    .param("spans", spans)
                    .param("labels", labels.toArray(String[]::new))
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

    /** The labelled sentences or resumes of a dataset, read from its stored file as they were read at import. */
    public List<Labelled> items(UUID id) {
        record Stored(String format, byte[] content) {}
        Stored stored = jdbc.sql("SELECT format, content FROM dataset WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Stored(rs.getString("format"), rs.getBytes("content")))
                .optional()
                .orElseThrow(() -> DomainException.notFound("Dataset " + id));
        return DatasetFormat.valueOf(stored.format()).read(stored.content());
    }

    private Optional<DatasetView> find(TrainingTask task, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dataset WHERE task = :task AND sha256 = :sha")
                .param("task", task.id())
                .param("sha", sha256)
                .query(Datasets::view)
                .optional();
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
                rs.getTimestamp("created_at").toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
