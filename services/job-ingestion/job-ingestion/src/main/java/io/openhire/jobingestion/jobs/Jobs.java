package io.openhire.jobingestion.jobs;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobingestion.normalisation.Employers;
import io.openhire.platform.jdbc.Paged;
import io.openhire.platform.jdbc.SqlFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The job table; every query is scoped to one organisation. */
@Repository
public class Jobs {

    static final String COLUMNS = """
            id, organization_id, revision, status, origin, source_id, source_kind, external_id, source_url,
            fetched_at, title, title_original, employer, description, locations, workplace, employment_type,
            seniority, salary_min, salary_max, salary_currency, salary_period, salary_estimated, salary_text,
            posted_at, expires_at, apply_url, content_sha256, simhash, canonical_job_id, created_at, updated_at
            """;
    private static final TypeReference<List<JobIngested.Location>> LOCATIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Jobs(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * What to list; every filter optional.
     *
     * @param text words to search title, employer and description for (web-search syntax)
     * @param status OPEN, CLOSED or EXPIRED
     * @param location a city, region or country (name or code) the job is in
     * @param remote true: remote or hybrid only; false: on-site or unstated only
     * @param source a source id, or PUSH / UPLOAD
     * @param includeDuplicates false: canonical jobs only
     */
    public record Filter(
            String text,
            String status,
            String location,
            Boolean remote,
            String source,
            Instant postedFrom,
            Instant postedTo,
            boolean includeDuplicates) {}

    public record Page(List<Job> items, long total) {}

    void insert(Job j) {
        jdbc.sql("INSERT INTO job (" + COLUMNS + """
                        , employer_key) VALUES (:id, :org, :revision, :status, :origin, :sourceId, :sourceKind, :externalId, :sourceUrl,
                                  :fetchedAt, :title, :titleOriginal, :employer, :description, CAST(:locations AS jsonb),
                                  :workplace, :employmentType, :seniority, :salaryMin, :salaryMax, :salaryCurrency,
                                  :salaryPeriod, :salaryEstimated, :salaryText, :postedAt, :expiresAt, :applyUrl,
                                  :sha, :simhash, :canonical, :createdAt, :updatedAt, :employerKey)
                        """).paramSource(params(j)).update();
    }

    void update(Job j) {
        jdbc.sql("""
                        UPDATE job SET revision = :revision, status = :status, source_url = :sourceUrl, fetched_at = :fetchedAt,
                            title = :title, title_original = :titleOriginal, employer = :employer, employer_key = :employerKey, description = :description,
                            locations = CAST(:locations AS jsonb), workplace = :workplace, employment_type = :employmentType,
                            seniority = :seniority, salary_min = :salaryMin, salary_max = :salaryMax,
                            salary_currency = :salaryCurrency, salary_period = :salaryPeriod,
                            salary_estimated = :salaryEstimated, salary_text = :salaryText, posted_at = :postedAt,
                            expires_at = :expiresAt, apply_url = :applyUrl, content_sha256 = :sha, simhash = :simhash,
                            updated_at = :updatedAt
                        WHERE organization_id = :org AND id = :id
                        """).paramSource(params(j)).update();
    }

    static String employerKey(String employer) {
        return Employers.key(employer);
    }

    private java.util.Map<String, Object> params(Job j) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", j.id());
        p.put("org", j.organizationId());
        p.put("revision", j.revision());
        p.put("status", j.status().name());
        p.put("origin", j.origin());
        p.put("sourceId", j.sourceId());
        p.put("sourceKind", j.sourceKind());
        p.put("externalId", j.externalId());
        p.put("sourceUrl", j.sourceUrl());
        p.put("fetchedAt", offset(j.fetchedAt()));
        p.put("title", j.title());
        p.put("titleOriginal", j.titleOriginal());
        p.put("employer", j.employer());
        p.put("employerKey", employerKey(j.employer()));
        p.put("description", j.description());
        p.put("locations", json.writeValueAsString(j.locations()));
        p.put("workplace", j.workplace());
        p.put("employmentType", j.employmentType());
        p.put("seniority", j.seniority());
        p.put("salaryMin", j.salaryMin());
        p.put("salaryMax", j.salaryMax());
        p.put("salaryCurrency", j.salaryCurrency());
        p.put("salaryPeriod", j.salaryPeriod());
        p.put("salaryEstimated", j.salaryEstimated());
        p.put("salaryText", j.salaryText());
        p.put("postedAt", offset(j.postedAt()));
        p.put("expiresAt", offset(j.expiresAt()));
        p.put("applyUrl", j.applyUrl());
        p.put("sha", j.contentSha256());
        p.put("simhash", j.simhash());
        p.put("canonical", j.canonicalJobId());
        p.put("createdAt", offset(j.createdAt()));
        p.put("updatedAt", offset(j.updatedAt()));
        return p;
    }

    public Optional<Job> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE organization_id = :org AND id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The row a posting of this origin already has, locked until the transaction ends. */
    Optional<Job> findForUpdate(UUID organizationId, String origin, String externalId) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM job WHERE organization_id = :org AND origin = :origin AND external_id = :ext FOR UPDATE")
                .param("org", organizationId)
                .param("origin", origin)
                .param("ext", externalId)
                .query(this::map)
                .optional();
    }

    /** Open jobs of one origin, by external id: what a crawl's result is compared with to close the rest. */
    List<Job> openOf(UUID organizationId, String origin) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM job WHERE organization_id = :org AND origin = :origin AND status = 'OPEN'")
                .param("org", organizationId)
                .param("origin", origin)
                .query(this::map)
                .list();
    }

    /**
     * Canonical jobs of the organisation whose fingerprint is within {@code maxBits} of this one, oldest
     * first, from the same employer when one is named (or without an employer).
     */
    List<Job> nearFingerprint(UUID organizationId, UUID except, long simhash, int maxBits, String employer) {
        String employerClause = employer == null ? "" : " AND (employer_key = :key OR employer_key IS NULL)";
        JdbcClient.StatementSpec spec = jdbc.sql(
                        "SELECT " + COLUMNS + """
                         FROM job WHERE organization_id = :org AND id <> :except AND canonical_job_id IS NULL
                           AND bit_count(int8send(simhash # :simhash)) <= :maxBits""" + employerClause + " ORDER BY created_at, id LIMIT 20")
                .param("org", organizationId)
                .param("except", except)
                .param("simhash", simhash)
                .param("maxBits", maxBits);
        if (employer != null) {
            spec = spec.param("key", employerKey(employer));
        }
        return spec.query(this::map).list();
    }

    /** Jobs linked to this one as its near duplicates. */
    public List<Job> duplicatesOf(UUID organizationId, UUID canonicalId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM job WHERE organization_id = :org AND canonical_job_id = :id ORDER BY created_at, id")
                .param("org", organizationId)
                .param("id", canonicalId)
                .query(this::map)
                .list();
    }

    public Page list(UUID organizationId, Filter filter, Instant now, int page, int size) {
        SqlFilter where = SqlFilter.where("organization_id = :org", "org", organizationId);
        if (filter.text() != null) {
            where.and("search @@ websearch_to_tsquery('english', :text)", "text", filter.text());
        }
        if (filter.status() != null) {
            switch (filter.status()) {
                case "OPEN" ->
                    where.and("status = 'OPEN' AND (expires_at IS NULL OR expires_at >= :now)", "now", offset(now));
                case "EXPIRED" -> where.and("status = 'OPEN' AND expires_at < :now", "now", offset(now));
                default -> where.and("status = 'CLOSED'");
            }
        }
        if (filter.location() != null) {
            where.and("""
                    EXISTS (SELECT 1 FROM jsonb_array_elements(locations) l
                            WHERE lower(l->>'city') = lower(:location) OR lower(l->>'region') = lower(:location)
                               OR lower(l->>'country') = lower(:location)
                               OR lower(l->>'text') LIKE '%' || lower(:location) || '%')""", "location", filter.location());
        }
        if (filter.remote() != null) {
            where.and(
                    filter.remote()
                            ? "workplace IN ('REMOTE', 'HYBRID')"
                            : "(workplace IS NULL OR workplace = 'ON_SITE')");
        }
        if (filter.source() != null) {
            where.and("origin = :origin", "origin", filter.source());
        }
        if (filter.postedFrom() != null) {
            where.and("coalesce(posted_at, created_at) >= :from", "from", offset(filter.postedFrom()));
        }
        if (filter.postedTo() != null) {
            where.and("coalesce(posted_at, created_at) < :to", "to", offset(filter.postedTo()));
        }
        if (!filter.includeDuplicates()) {
            where.and("canonical_job_id IS NULL");
        }
        String order = filter.text() != null
                ? "ts_rank(search, websearch_to_tsquery('english', :text)) DESC, id"
                : "coalesce(posted_at, created_at) DESC, id";
        Paged<Job> rows = where.page(jdbc, "job", COLUMNS, order, page, size, this::map);
        return new Page(rows.items(), rows.total());
    }

    Job map(ResultSet rs, int row) throws SQLException {
        return new Job(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getInt("revision"),
                Job.Status.valueOf(rs.getString("status")),
                rs.getString("origin"),
                rs.getObject("source_id", UUID.class),
                rs.getString("source_kind"),
                rs.getString("external_id"),
                rs.getString("source_url"),
                instant(rs, "fetched_at"),
                rs.getString("title"),
                rs.getString("title_original"),
                rs.getString("employer"),
                rs.getString("description"),
                json.readValue(rs.getString("locations"), LOCATIONS),
                rs.getString("workplace"),
                rs.getString("employment_type"),
                rs.getString("seniority"),
                rs.getBigDecimal("salary_min"),
                rs.getBigDecimal("salary_max"),
                rs.getString("salary_currency"),
                rs.getString("salary_period"),
                (Boolean) rs.getObject("salary_estimated"),
                rs.getString("salary_text"),
                instant(rs, "posted_at"),
                instant(rs, "expires_at"),
                rs.getString("apply_url"),
                rs.getString("content_sha256"),
                rs.getLong("simhash"),
                rs.getObject("canonical_job_id", UUID.class),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
