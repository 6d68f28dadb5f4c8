package io.openhire.applications.candidates;

import io.openhire.applications.client.CandidatePage;
import io.openhire.applications.client.CandidateQuery;
import io.openhire.applications.client.CandidateSummary;
import io.openhire.applications.client.SavedSearch;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.jdbc.Paged;
import io.openhire.platform.jdbc.SqlFilter;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidate search on PostgreSQL's full text: words are prefixes matched in name, email, headline, titles,
 * skills and location ({@code simple} configuration: names and skills are not stemmed as English words); skill,
 * tag, title, location, stage and job are filters. Here rather than in matching's index because what is searched
 * — people's corrected names, tags, stages — lives here, changes in the same transactions, and must be found
 * the moment it is saved; matching's index ranks by fit and holds no names.
 */
@Service
public class CandidateSearch {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 10;
    private static final int MAX_SAVED = 50;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CandidateSearch(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public CandidatePage search(UUID org, CandidateQuery query, int page, int size) {
        CandidateQuery q = valid(query);
        SqlFilter filter =
                SqlFilter.where("c.organization_id = :org", "org", org).and("c.merged_into IS NULL");
        String tsQuery = tsQuery(q.q());
        if (tsQuery != null) {
            filter = filter.and("c.search @@ to_tsquery('simple', :tsQuery)", "tsQuery", tsQuery);
        }
        if (q.skill() != null) {
            filter = filter.and(
                    "c.skill_keys @> ARRAY[:skill]::text[]", "skill", q.skill().toLowerCase(Locale.ROOT));
        }
        if (q.title() != null) {
            filter = filter.and(
                    "(c.current_title ILIKE :title OR EXISTS (SELECT 1 FROM unnest(c.titles) t WHERE t ILIKE :title))",
                    "title",
                    SqlFilter.containing(q.title()));
        }
        if (q.location() != null) {
            filter = filter.and("c.location ILIKE :location", "location", SqlFilter.containing(q.location()));
        }
        if (q.tag() != null) {
            filter = filter.and(
                    "EXISTS (SELECT 1 FROM candidate_tag t WHERE t.candidate_id = c.id AND lower(t.tag) = :tag)",
                    "tag",
                    q.tag().toLowerCase(Locale.ROOT));
        }
        if (q.stageId() != null || q.jobId() != null) {
            filter = filter.and("EXISTS (SELECT 1 FROM application a WHERE a.candidate_id = c.id"
                            + (q.stageId() == null ? "" : " AND a.stage_id = :stage")
                            + (q.jobId() == null ? "" : " AND a.job_id = :job") + ")")
                    .parameter("stage", q.stageId())
                    .parameter("job", q.jobId());
        }
        Paged<CandidateSummary> found = filter.page(
                jdbc,
                "candidate c",
                """
                c.id, c.name, c.email, COALESCE(c.headline, c.current_title) AS headline, c.location, c.skills,
                c.updated_at,
                ARRAY(SELECT t.tag FROM candidate_tag t WHERE t.candidate_id = c.id ORDER BY lower(t.tag)) AS tags,
                (SELECT count(*) FROM application a JOIN stage s ON s.id = a.stage_id
                 WHERE a.candidate_id = c.id AND s.category NOT IN ('HIRED', 'REJECTED', 'WITHDRAWN')) AS open
                """,
                "c.updated_at DESC, c.id",
                page,
                size,
                (rs, i) -> new CandidateSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("headline"),
                        rs.getString("location"),
                        first(Candidates.strings(rs.getArray("skills")), 12),
                        Candidates.strings(rs.getArray("tags")),
                        rs.getInt("open"),
                        rs.getTimestamp("updated_at").toInstant()));
        return new CandidatePage(found.items(), found.total());
    }

    public List<SavedSearch> saved(UUID org, UUID userId) {
        return jdbc.sql("""
                        SELECT * FROM saved_search WHERE organization_id = :org AND user_id = :user ORDER BY lower(name)
                        """)
                .param("org", org)
                .param("user", userId)
                .query((rs, i) -> new SavedSearch(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        json.readValue(rs.getString("query"), CandidateQuery.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public SavedSearch save(UUID org, UUID userId, String name, CandidateQuery query) {
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > 80 || title.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField("name", "1–80 characters on one line");
        }
        CandidateQuery q = valid(query);
        if (saved(org, userId).size() >= MAX_SAVED) {
            throw DomainException.conflict("too-many-searches", "At most " + MAX_SAVED + " saved searches each.");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            INSERT INTO saved_search (id, organization_id, user_id, name, query, created_at)
                            VALUES (:id, :org, :user, :name, CAST(:query AS jsonb), :now)
                            """)
                    .param("id", id)
                    .param("org", org)
                    .param("user", userId)
                    .param("name", title)
                    .param("query", json.writeValueAsString(q))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("search-name-taken", "You have a saved search of this name.");
        }
        return saved(org, userId).stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    public void delete(UUID org, UUID userId, UUID id) {
        int deleted = jdbc.sql("DELETE FROM saved_search WHERE organization_id = :org AND user_id = :user AND id = :id")
                .param("org", org)
                .param("user", userId)
                .param("id", id)
                .update();
        if (deleted == 0) {
            throw DomainException.notFound("The saved search");
        }
    }

    /** The query with blank parts as null, refused when a part is too long or has control characters. */
    static CandidateQuery valid(CandidateQuery query) {
        if (query == null) {
            return new CandidateQuery(null, null, null, null, null, null, null);
        }
        return new CandidateQuery(
                part("q", query.q(), 200),
                part("skill", query.skill(), 100),
                part("title", query.title(), 100),
                part("location", query.location(), 100),
                part("tag", query.tag(), 40),
                query.stageId(),
                query.jobId());
    }

    private static String part(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField(name, "at most " + max + " characters on one line");
        }
        return v;
    }

    /** Each word (letters and digits) a prefix, all required: "jav berl" finds Java developers in Berlin. */
    static String tsQuery(String q) {
        if (q == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        Matcher words = WORD.matcher(q.toLowerCase(Locale.ROOT));
        while (words.find() && terms.size() < MAX_WORDS) {
            terms.add(words.group() + ":*");
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }

    private static List<String> first(List<String> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }
}
