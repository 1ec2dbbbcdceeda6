package org.kepu.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The vendored 寻乌县 subtree is complete and passes the import checks. */
class VendoredDivisionDataTest {

    @Test
    void xunwuHas15TownshipsAnd188Villages() {
        DivisionCsvParser parser = new DivisionCsvParser((key, args) -> key);
        List<DivisionCsvParser.Row> rows = parser.parse(DemoDivisions.vendored(), "360734");

        assertThat(parser.problems()).isEmpty();
        assertThat(rows).filteredOn(r -> r.level() == 4).hasSize(15)
                .allMatch(r -> r.parentCode().equals("360734"));
        assertThat(rows).filteredOn(r -> r.level() == 5).hasSize(188);
        assertThat(rows).filteredOn(r -> r.level() <= 3).extracting(DivisionCsvParser.Row::name)
                .containsExactly("江西省", "赣州市", "寻乌县");
        assertThat(rows).filteredOn(r -> r.code().equals("360734200")).extracting(DivisionCsvParser.Row::name)
                .containsExactly("文峰乡");
    }

    @Test
    void csvQuotingFollowsRfc4180() {
        assertThat(CsvLines.split("1,\"a,\"\"b\"\"\",2")).containsExactly("1", "a,\"b\"", "2");
        assertThat(CsvLines.split("1,\"open")).isNull();
    }
}
