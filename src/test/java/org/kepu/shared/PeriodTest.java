package org.kepu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesAndPrintsEveryKind() {
        assertThat(Period.parse("2025")).isEqualTo(Period.year(2025));
        assertThat(Period.parse("2025-Q2")).isEqualTo(Period.quarter(2025, 2));
        assertThat(Period.parse("2025-q4").end()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Period.parse("2025-03")).isEqualTo(Period.month(2025, 3));
        assertThat(Period.parse("2025-3").code()).isEqualTo("2025-03");
        Period r = Period.parse("2025-01-05..2025-02-10");
        assertThat(r.kind()).isEqualTo(Period.Kind.RANGE);
        assertThat(r.last()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(r.code()).isEqualTo("2025-01-05..2025-02-10");
        assertThat(Period.parse(r.code())).isEqualTo(r);
        assertThat(Period.quarter(2025, 1).label()).isEqualTo("2025年第一季度");
        assertThat(Period.month(2025, 3).label()).isEqualTo("2025年3月");
        assertThat(r.label()).isEqualTo("2025-01-05至2025-02-10");
    }

    @Test
    void rangesThatAreWholeCalendarPeriodsBecomeThem() {
        assertThat(Period.parse("2025-01-01..2025-12-31")).isEqualTo(Period.year(2025));
        assertThat(Period.parse("2025-04-01..2025-06-30")).isEqualTo(Period.quarter(2025, 2));
        assertThat(Period.parse("2024-02-01..2024-02-29")).isEqualTo(Period.month(2024, 2));
        assertThat(Period.parse("2025-02-01..2025-04-30").kind()).isEqualTo(Period.Kind.RANGE);
    }

    @Test
    void instantsAreAsiaShanghaiMidnights() {
        Period q1 = Period.quarter(2025, 1);
        assertThat(q1.from()).isEqualTo(OffsetDateTime.parse("2025-01-01T00:00+08:00"));
        assertThat(q1.to()).isEqualTo(OffsetDateTime.parse("2025-04-01T00:00+08:00"));
        assertThat(q1.months()).hasSize(3);
        assertThat(Period.parse("2025-01-20..2025-03-02").months()).containsExactly(LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1));
        assertThat(q1.overlaps(Period.month(2025, 3))).isTrue();
        assertThat(q1.overlaps(Period.month(2025, 4))).isFalse();
    }

    @Test
    void badTextIsABadRequestWithTheText() {
        for (String bad : new String[] {"", "二〇二五", "2025-13", "2025-Q5", "2025-02-30..2025-03-01",
            "2025-03-10..2025-03-01", "1066"}) {
            assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(BadRequestException.class)
                    .hasMessage("error.period");
        }
    }
}
