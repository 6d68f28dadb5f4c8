package io.openhire.applications.portal;

import io.openhire.applications.candidates.Candidates;
import io.openhire.applications.client.PortalView;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.resumeingestion.client.ResumeIngestionApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A candidate's own data, to download (the right of access and to portability): {@code my-data.json} (what the
 * record shows, every correction beside the parsed value, applications with their stage history, consents, tags)
 * and their resumes as they sent them. Recruiters' notes and ratings are the organisation's working papers and are
 * not in it; each move names no recruiter.
 */
@Component
public class DataExport {

    private static final Logger log = LoggerFactory.getLogger(DataExport.class);

    private final CandidatePortal portal;
    private final JdbcClient jdbc;
    private final ServiceAccount serviceAccount;
    private final ResumeIngestionApi resumeIngestion;
    private final JsonMapper json;
    private final Clock clock;

    DataExport(
            CandidatePortal portal,
            JdbcClient jdbc,
            ServiceAccount serviceAccount,
            ResumeIngestionApi resumeIngestion,
            JsonMapper json,
            Clock clock) {
        this.portal = portal;
        this.jdbc = jdbc;
        this.serviceAccount = serviceAccount;
        this.resumeIngestion = resumeIngestion;
        this.json = json;
        this.clock = clock;
    }

    /** The zip's bytes. */
    public byte[] export(AuthenticatedUser caller) {
        Candidates.Stored me = portal.me(caller);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exportedAt", clock.instant().toString());
        data.put("candidateId", me.id());
        data.put("fields", me.fields());
        data.put("skills", me.skills());
        data.put("titles", me.titles());
        data.put("tags", me.tags());
        data.put("corrections", corrections(me));
        List<Map<String, Object>> applications = new ArrayList<>();
        for (PortalView.Application application : portal.applications(me)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("application", application);
            entry.put("stageHistory", history(application.id()));
            entry.put("answers", answers(application.id()));
            applications.add(entry);
        }
        data.put("applications", applications);
        data.put("consents", portal.consents(me));
        data.put("privacyRequests", privacyRequests(me));
        List<Map<String, Object>> resumes = new ArrayList<>();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            int n = 0;
            for (Candidates.Resume resume : me.resumes()) {
                n++;
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("resumeId", resume.resumeId());
                entry.put("parsedAt", resume.parsedAt());
                try {
                    ResponseEntity<byte[]> original = serviceAccount.onBehalfOf(
                            me.organizationId(), () -> resumeIngestion.original(resume.resumeId()));
                    String name = original.getHeaders().getContentDisposition().getFilename();
                    String file = "resumes/" + n + "-" + safe(name == null ? "resume" : name);
                    zip.putNextEntry(new ZipEntry(file));
                    zip.write(original.getBody() == null ? new byte[0] : original.getBody());
                    zip.closeEntry();
                    entry.put("file", file);
                } catch (RuntimeException e) {
                    log.info(
                            "A resume's original could not be added to a data download ({})",
                            e.getClass().getSimpleName());
                    entry.put("file", null);
                    entry.put("missing", "The original file could not be read just now; download again later.");
                }
                resumes.add(entry);
            }
            data.put("resumes", resumes);
            zip.putNextEntry(new ZipEntry("my-data.json"));
            zip.write(json.rebuild()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build()
                    .writeValueAsBytes(data));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zipped.toByteArray();
    }

    private List<Map<String, Object>> corrections(Candidates.Stored me) {
        return jdbc.sql("""
                        SELECT field, parsed_value, corrected_value, actor, corrected_at FROM candidate_correction
                        WHERE organization_id = :org AND candidate_id = :candidate ORDER BY corrected_at
                        """)
                .param("org", me.organizationId())
                .param("candidate", me.id())
                .query((rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("field", rs.getString("field"));
                    row.put("parsedValue", rs.getString("parsed_value"));
                    row.put("correctedValue", rs.getString("corrected_value"));
                    row.put("by", "candidate".equals(rs.getString("actor")) ? "you" : "the organisation");
                    row.put("at", rs.getTimestamp("corrected_at").toInstant().toString());
                    return row;
                })
                .list();
    }

    /** The requests about their data they filed from the portal, as last answered (privacy keeps the rest). */
    private List<Map<String, Object>> privacyRequests(Candidates.Stored me) {
        return jdbc.sql("""
                        SELECT r.type, r.filed_at, r.status, r.due_at, r.completed_at, r.resolution
                        FROM portal_privacy_request r JOIN candidate c ON c.id = r.candidate_id
                        WHERE r.organization_id = :org AND (c.id = :candidate OR c.merged_into = :candidate)
                        ORDER BY r.filed_at
                        """)
                .param("org", me.organizationId())
                .param("candidate", me.id())
                .query((rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("type", rs.getString("type"));
                    row.put("filedAt", rs.getTimestamp("filed_at").toInstant().toString());
                    row.put("status", rs.getString("status"));
                    row.put("dueAt", iso(rs.getTimestamp("due_at")));
                    row.put("completedAt", iso(rs.getTimestamp("completed_at")));
                    row.put("resolution", rs.getString("resolution"));
                    return row;
                })
                .list();
    }

    private static String iso(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant().toString();
    }

    private List<Map<String, Object>> history(UUID applicationId) {
        return jdbc.sql("""
                        SELECT f.name AS from_name, t.name AS to_name, ch.changed_at FROM stage_change ch
                        LEFT JOIN stage f ON f.id = ch.from_stage_id JOIN stage t ON t.id = ch.to_stage_id
                        WHERE ch.application_id = :id ORDER BY ch.changed_at, ch.id
                        """)
                .param("id", applicationId)
                .query((rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("from", rs.getString("from_name"));
                    row.put("to", rs.getString("to_name"));
                    row.put("at", rs.getTimestamp("changed_at").toInstant().toString());
                    return row;
                })
                .list();
    }

    private Object answers(UUID applicationId) {
        String answers = jdbc.sql("SELECT answers::text FROM application WHERE id = :id")
                .param("id", applicationId)
                .query(String.class)
                .optional()
                .orElse(null);
        return answers == null ? List.of() : json.readTree(answers);
    }

    /** A file name safe inside a zip on every system: no directories, no odd characters. */
    static String safe(String name) {
        String base = name.replaceAll(".*[/\\\\]", "")
                .replaceAll("[^A-Za-z0-9._ -]", "_")
                .strip();
        return base.isEmpty() || base.startsWith(".") ? "resume" + base : base;
    }
}
