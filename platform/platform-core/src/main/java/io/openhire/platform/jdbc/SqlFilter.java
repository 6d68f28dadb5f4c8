package io.openhire.platform.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@code WHERE} clause put together from the filters a request sets, with its named parameters, and the
 * page of rows it selects with their total: the query of a list endpoint, without every repository keeping
 * a string builder and a parameter list in step by hand.
 *
 * <pre>{@code
 * SqlFilter where = SqlFilter.where("organization_id = :org", "org", organizationId);
 * if (filter.status() != null) {
 *     where.and("status = :status", "status", filter.status().name());
 * }
 * Paged<Resume> rows = where.page(jdbc, "resume", COLUMNS, "received_at DESC, id", page, size, Resumes::map);
 * }</pre>
 *
 * <p>Conditions are SQL written by the repository, never text from a request: values go in as parameters.
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private SqlFilter() {}

    /**
     * A {@code LIKE}/{@code ILIKE} pattern that finds {@code text} anywhere, its own {@code %}, {@code _} and
     * {@code \} taken literally (PostgreSQL's default escape character).
     */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The first condition, typically the tenant: {@code where("organization_id = :org", "org", id)}. */
    public static SqlFilter where(String condition, String parameter, Object value) {
        return new SqlFilter().and(condition, parameter, value);
    }

    /** A condition without parameters ({@code canonical_job_id IS NULL}). */
    public SqlFilter and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition with one parameter. */
    public SqlFilter and(String condition, String parameter, Object value) {
        conditions.add(condition);
        return parameter(parameter, value);
    }

    /** A further parameter, of a condition with several or of the {@code ORDER BY}. */
    public SqlFilter parameter(String name, Object value) {
        Object before = parameters.putIfAbsent(name, value);
        if (before != null && !before.equals(value)) {
            throw new IllegalArgumentException("Parameter :" + name + " is bound twice, to different values");
        }
        return this;
    }

    /** {@code " WHERE a AND b"}, or nothing without conditions; to append to {@code FROM table}. */
    public String clause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** Binds every parameter of this filter to {@code statement}. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.params(parameters);
    }

    /**
     * One page of the matching rows, in {@code orderBy} order, and how many rows match in all.
     *
     * @param from the table (or join) to select from
     * @param columns the select list
     * @param orderBy the order, ending in a unique column so that pages do not overlap ({@code received_at
     *     DESC, id}); its parameters, if any, added with {@link #parameter}
     * @param page zero-based
     */
    public <T> Paged<T> page(
            JdbcClient jdbc, String from, String columns, String orderBy, int page, int size, RowMapper<T> rows) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page " + page + " of size " + size);
        }
        long total = bind(jdbc.sql("SELECT count(*) FROM " + from + clause()))
                .query(Long.class)
                .single();
        List<T> items = bind(jdbc.sql("SELECT " + columns + " FROM " + from + clause() + " ORDER BY " + orderBy
                        + " LIMIT :pageLimit OFFSET :pageOffset"))
                .param("pageLimit", size)
                .param("pageOffset", (long) page * size)
                .query(rows)
                .list();
        return new Paged<>(items, total);
    }
}
