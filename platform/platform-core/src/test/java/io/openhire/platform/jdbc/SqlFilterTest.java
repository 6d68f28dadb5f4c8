package io.openhire.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqlFilterTest {

    private final UUID org = UUID.randomUUID();

    @Test
    void theConditionsSetAreJoinedWithAndAndTheirParametersKept() {
        SqlFilter where = SqlFilter.where("organization_id = :org", "org", org)
                .and("status = :status", "status", "PARSED")
                .and("canonical_job_id IS NULL");

        assertThat(where.clause())
                .isEqualTo(" WHERE organization_id = :org AND status = :status AND canonical_job_id IS NULL");
        assertThat(where.parameters())
                .containsExactly(java.util.Map.entry("org", org), java.util.Map.entry("status", "PARSED"));
    }

    @Test
    void aParameterUsedByTwoConditionsIsBoundOnce() {
        SqlFilter where = SqlFilter.where("organization_id = :org", "org", org)
                .and("(expires_at IS NULL OR expires_at >= :now)", "now", 5)
                .and("created_at < :now", "now", 5);

        assertThat(where.parameters()).hasSize(2).containsEntry("now", 5);
    }

    @Test
    void oneNameForTwoValuesIsABug() {
        SqlFilter where = SqlFilter.where("organization_id = :org", "org", org);

        assertThatThrownBy(() -> where.and("owner = :org", "org", UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":org");
    }
}
