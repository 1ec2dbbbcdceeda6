package org.kepu.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KepuIntegrationTest
class DivisionImporterTest {

    @Autowired
    DivisionImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.kepu.region.DivisionService divisions;

    @Test
    void importsSubtreeWithMaterialisedPathsAndIsIdempotent() {
        var data = new SyntheticDivisions("91");
        DivisionImportResult first = importer.importSubtree(data.csv(), "91");
        assertThat(first.total()).isEqualTo(9);
        assertThat(first.inserted()).isEqualTo(9);
        assertThat(path("910101002001")).isEqualTo("91/9101/910101/910101002/910101002001");
        assertThat(level("910101002001")).isEqualTo(5);
        assertThat(jdbc.sql("select parent_code from division where code = '910101002001'").query(String.class)
                .single()).isEqualTo("910101002");

        DivisionImportResult again = importer.importSubtree(data.csv(), "91");
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(9);

        jdbc.sql("update division set population = 1234 where code = '910101001001'").update();
        assertThat(divisions.names(java.util.List.of("910101001001"))).containsEntry("910101001001", "甲一村委会");
        DivisionImportResult renamed = importer.importSubtree(
                data.replace("villages.csv", "甲一村委会", "甲一社区居委会").csv(), "910101");
        assertThat(renamed.updated()).isEqualTo(1);
        assertThat(jdbc.sql("select name || ':' || population from division where code = '910101001001'")
                .query(String.class).single()).isEqualTo("甲一社区居委会:1234");
        // the names the lists show follow the import at once (their cache is dropped after the commit)
        assertThat(divisions.names(java.util.List.of("910101001001"))).containsEntry("910101001001", "甲一社区居委会");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'IMPORT' and entity_id = '91'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void countySubtreeLeavesOtherCountiesAlone() {
        var data = new SyntheticDivisions("93");
        data.files.put("areas.csv", data.files.get("areas.csv") + "930102,\"别县\",9301,93\n");
        data.files.put("streets.csv", data.files.get("streets.csv") + "930102001,\"别镇\",930102,93,9301\n");
        DivisionImportResult r = importer.importSubtree(data.csv(), "930101");
        assertThat(r.total()).isEqualTo(9);
        assertThat(count("93%")).isEqualTo(9);
        assertThat(count("930102%")).isZero();
    }

    @Test
    void badRowsAreListedWithFileAndLineAndNothingIsWritten() {
        var data = new SyntheticDivisions("92")
                .replace("villages.csv", "920101002002,", "92010100200,")
                .replace("streets.csv", "\"乙乡\",920101,", "\"乙乡\",920102,");
        data.files.put("cities.csv", data.files.get("cities.csv") + "9201,\"重复\",92\n");

        assertThatThrownBy(() -> importer.importSubtree(data.csv(), "92"))
                .isInstanceOfSatisfying(DivisionImportException.class, e -> assertThat(e.problems()).containsExactly(
                        "cities.csv 第 3 行：区划代码 9201 重复（已见于 cities.csv 第 2 行）",
                        "streets.csv 第 3 行：「areaCode」为“920102”，与区划代码 920101002 不一致",
                        "villages.csv 第 5 行：「code」应为 12 位数字，实际为“92010100200”"));
        assertThat(count("92%")).isZero();
    }

    @Test
    void wrongHeaderAndMissingFileAreRefused() {
        var data = new SyntheticDivisions("94").replace("areas.csv", "code,name,cityCode,provinceCode",
                "code,name,provinceCode,cityCode");
        data.files.remove("villages.csv");
        assertThatThrownBy(() -> importer.importSubtree(data.csv(), "94"))
                .isInstanceOfSatisfying(DivisionImportException.class, e -> assertThat(e.problems()).containsExactly(
                        "areas.csv 第 1 行：表头应为“code,name,cityCode,provinceCode”，实际为“code,name,provinceCode,cityCode”",
                        "缺少文件 villages.csv"));
        assertThat(count("94%")).isZero();
    }

    @Test
    void officeAdminMayImportOnlyInsideTheirScope() {
        var fixtures = new TestFixtures(jdbc).ensure();
        var townshipOffice = fixtures.user("region-imp-office-a", Role.OFFICE_ADMIN, TestFixtures.TOWNSHIP_A);
        var townshipAdmin = fixtures.user("region-imp-township-a", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        var data = new SyntheticDivisions("95");
        TestFixtures.runAs(townshipOffice, () -> assertThatThrownBy(() -> importer.importSubtree(data.csv(), "95"))
                .isInstanceOf(ForbiddenException.class));
        TestFixtures.runAs(townshipAdmin, () -> assertThatThrownBy(() -> importer.importSubtree(data.csv(), "95"))
                .isInstanceOf(ForbiddenException.class));
        assertThat(count("95%")).isZero();
    }

    private String path(String code) {
        return jdbc.sql("select path from division where code = :c").param("c", code).query(String.class).single();
    }

    private int level(String code) {
        return jdbc.sql("select level from division where code = :c").param("c", code).query(Integer.class).single();
    }

    private long count(String like) {
        return jdbc.sql("select count(*) from division where code like :l").param("l", like).query(Long.class)
                .single();
    }
}
