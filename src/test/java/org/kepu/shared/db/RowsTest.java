package org.kepu.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KepuIntegrationTest
class RowsTest {

    record Row(long id, String parentCode, Integer population, int level, Role role, OffsetDateTime createdAt,
            java.math.BigDecimal amount) {
    }

    record Missing(long id, String nowhere) {
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void mapsColumnsByUnderscoredNamesAndConvertsTypes() {
        List<Row> rows = jdbc.sql("""
                select * from (values
                  (1::bigint, '36', 1200::int, 3::smallint, 'OFFICE_ADMIN', timestamptz '2026-05-20 08:00+08', 1.5),
                  (2::bigint, null, null, 4::smallint, 'LEADER', null, null)) v(id, parent_code, population, level,
                  role, created_at, amount) order by id
                """).query(Rows.of(Row.class)).list();
        assertThat(rows).hasSize(2);
        Row first = rows.get(0);
        assertThat(first.parentCode()).isEqualTo("36");
        assertThat(first.population()).isEqualTo(1200);
        assertThat(first.level()).isEqualTo(3);
        assertThat(first.role()).isEqualTo(Role.OFFICE_ADMIN);
        assertThat(first.createdAt().toInstant()).isEqualTo(OffsetDateTime.parse("2026-05-20T00:00Z").toInstant());
        assertThat(first.amount()).isEqualByComparingTo("1.5");
        Row second = rows.get(1);
        assertThat(second.parentCode()).isNull();
        assertThat(second.population()).isNull();
        assertThat(second.createdAt()).isNull();
        assertThat(second.role()).isEqualTo(Role.LEADER);
    }

    @Test
    void namesTheMissingColumn() {
        assertThatThrownBy(() -> jdbc.sql("select 1::bigint id").query(Rows.of(Missing.class)).list())
                .hasMessageContaining("nowhere");
    }
}
