package io.openhire.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.test.TestPostgres;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Pages of filtered rows, on PostgreSQL: the rows of the page asked for, and the total of every page. */
class SqlFilterIT {

    private JdbcClient jdbc;
    private final UUID org = UUID.randomUUID();
    private final UUID otherOrg = UUID.randomUUID();

    @BeforeEach
    void database() {
        String url = TestPostgres.newDatabase("sql_filter");
        jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
        jdbc.sql("CREATE TABLE item (id int PRIMARY KEY, organization_id uuid NOT NULL, status text NOT NULL)")
                .update();
        for (int id = 1; id <= 7; id++) {
            insert(id, org, id % 2 == 0 ? "OPEN" : "CLOSED"); // 2, 4, 6 open
        }
        insert(8, otherOrg, "OPEN");
    }

    @Test
    void aPageHoldsItsRowsInOrderAndTheTotalCountsEveryPage() {
        SqlFilter where = SqlFilter.where("organization_id = :org", "org", org);

        Paged<Integer> first = where.page(jdbc, "item", "id", "id DESC", 0, 3, (rs, n) -> rs.getInt("id"));
        Paged<Integer> last = where.page(jdbc, "item", "id", "id DESC", 2, 3, (rs, n) -> rs.getInt("id"));
        Paged<Integer> beyond = where.page(jdbc, "item", "id", "id DESC", 3, 3, (rs, n) -> rs.getInt("id"));

        assertThat(first).isEqualTo(new Paged<>(java.util.List.of(7, 6, 5), 7));
        assertThat(last).isEqualTo(new Paged<>(java.util.List.of(1), 7));
        assertThat(beyond).isEqualTo(new Paged<>(java.util.List.of(), 7));
    }

    @Test
    void onlyRowsThatMeetEveryConditionCount() {
        SqlFilter where =
                SqlFilter.where("organization_id = :org", "org", org).and("status = :status", "status", "OPEN");

        Paged<Integer> open = where.page(jdbc, "item", "id", "id", 0, 10, (rs, n) -> rs.getInt("id"));

        assertThat(open).isEqualTo(new Paged<>(java.util.List.of(2, 4, 6), 3));
    }

    @Test
    void anOrderWithItsOwnParameter() {
        SqlFilter where = SqlFilter.where("organization_id = :org", "org", org).parameter("first", 5);

        Paged<Integer> page =
                where.page(jdbc, "item", "id", "(id = :first) DESC, id", 0, 3, (rs, n) -> rs.getInt("id"));

        assertThat(page.items()).containsExactly(5, 1, 2);
    }

    private void insert(int id, UUID organization, String status) {
        jdbc.sql("INSERT INTO item VALUES (:id, :org, :status)")
                .param("id", id)
                .param("org", organization)
                .param("status", status)
                .update();
    }
}
