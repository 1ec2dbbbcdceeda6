package org.kepu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopeSqlTest {

    @Test
    void pathLiteralsAreDigitsJoinedBySlashes() {
        assertThat(ScopeSql.literal("36/3607/360734")).isEqualTo("'36/3607/360734'");
        assertThat(ScopeSql.subtreeLiteral("a.division_path", "36/3607"))
                .isEqualTo("(a.division_path ~>=~ '36/3607' and a.division_path ~<~ '36/36070')");
        for (String bad : new String[] {"36/3607' or '1'='1", "36//3607", "/36", "36/", "", "36/3607/%", "三六"}) {
            assertThatThrownBy(() -> ScopeSql.literal(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ScopeSql.literal(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void literalScopesBindOnlyWhatIsNotAPath() {
        ScopeSql county = ScopeSql.ofLiteral(Scope.division("36/3607/360734"), "p", "u");
        assertThat(county.condition()).isEqualTo("(p ~>=~ '36/3607/360734' and p ~<~ '36/3607/3607340')");
        assertThat(county.params()).isEmpty();
        assertThat(ScopeSql.ofLiteral(Scope.unit(7L, "36/3607/360734"), "p", "u").condition()).isEqualTo("u = :scopeUnitId");
        assertThat(ScopeSql.ofLiteral(Scope.NONE, "p", "u").condition()).isEqualTo("false");
        assertThat(ScopeSql.ofLiteral(new Scope(null, null, false), "p", "u").condition()).isEqualTo("true");
    }
}
