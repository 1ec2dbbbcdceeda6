package org.kepu.activity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellParsersTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-20", "2024.5.20", "2024/5/20", "2024年5月20日", "2024 年 5 月 20 日", "20240520",
        "２０２４－０５－２０", "2024-5-20", "45432"})
    void readsDatesWithoutTime(String text) {
        var t = CellParsers.dateTime(RawCell.text(text));
        assertThat(t).isNotNull();
        assertThat(t.value()).isEqualTo(LocalDateTime.of(2024, 5, 20, 0, 0));
        assertThat(t.timeGiven()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-20 14:30", "2024.5.20 14:30", "2024/5/20 14:30", "2024年5月20日 14:30",
        "2024年5月20日14时30分", "2024-05-20T14:30", "2024-05-20 14:30:00", "２０２４年５月２０日　１４：３０"})
    void readsDatesWithTime(String text) {
        var t = CellParsers.dateTime(RawCell.text(text));
        assertThat(t).isNotNull();
        assertThat(t.value()).isEqualTo(LocalDateTime.of(2024, 5, 20, 14, 30));
        assertThat(t.timeGiven()).isTrue();
    }

    @Test
    void readsExcelSerialsAndDateCells() {
        assertThat(CellParsers.dateTime(RawCell.number(45432)).value()).isEqualTo(LocalDateTime.of(2024, 5, 20, 0, 0));
        var withTime = CellParsers.dateTime(RawCell.number(45432.6041666667));
        assertThat(withTime.value()).isEqualTo(LocalDateTime.of(2024, 5, 20, 14, 30));
        assertThat(withTime.timeGiven()).isTrue();
        var cell = RawCell.date(LocalDateTime.of(2024, 5, 20, 9, 0), 45432.375);
        assertThat(CellParsers.dateTime(cell).value()).isEqualTo(LocalDateTime.of(2024, 5, 20, 9, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"约5月", "2024-13-01", "2024-02-30", "明天", "5/20", "2024-05-20 25:00", "12"})
    void rejectsWhatIsNoDate(String text) {
        assertThat(CellParsers.dateTime(RawCell.text(text))).isNull();
    }

    @Test
    void rejectsSerialsOutsideTheSensibleRange() {
        assertThat(CellParsers.dateTime(RawCell.number(12))).isNull();
        assertThat(CellParsers.dateTime(RawCell.number(99999))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"200|200", "２００|200", "1,200|1200", "１，２００人|1200", "200人|200",
        "200人次|200", "300份|300", "5名|5", " 42 |42", "0|0", "''|0", "12.0|12"})
    void readsCounts(String text, int expected) {
        assertThat(CellParsers.count(RawCell.text(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"约200", "-5", "12.5", "二百", "200-300", "99999999999", "200 people"})
    void rejectsWhatIsNoCount(String text) {
        assertThat(CellParsers.count(RawCell.text(text))).isNull();
    }

    @Test
    void readsNumericCounts() {
        assertThat(CellParsers.count(RawCell.number(120))).isEqualTo(120);
        assertThat(CellParsers.count(RawCell.number(-1))).isNull();
        assertThat(CellParsers.count(RawCell.number(2.5))).isNull();
    }

    @Test
    void matchesDictionaryLabelsIgnoringQuoteStyles() {
        assertThat(CellParsers.key("科技文化卫生“三下乡”")).isEqualTo(CellParsers.key("科技文化卫生\"三下乡\""));
    }

    @Test
    void findsColumnsByHeaderNameOrAlias() {
        assertThat(LedgerColumn.ofHeader("举办地点（乡镇/村）*")).isEqualTo(LedgerColumn.DIVISION);
        assertThat(LedgerColumn.ofHeader("举办地点(乡镇/村)")).isEqualTo(LedgerColumn.DIVISION);
        assertThat(LedgerColumn.ofHeader(" 标 题 ")).isEqualTo(LedgerColumn.TITLE);
        assertThat(LedgerColumn.ofHeader("参与人数")).isEqualTo(LedgerColumn.PARTICIPANTS_ONSITE);
        assertThat(LedgerColumn.ofHeader("发放资料（份）")).isEqualTo(LedgerColumn.MATERIALS);
        assertThat(LedgerColumn.ofHeader("备注")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"=1+1|'=1+1", "+86 123|'+86 123", "-5|'-5", "@SUM(A1)|'@SUM(A1)",
        "＝1+1|'＝1+1", "正常文本|正常文本", "a=b|a=b"})
    void neutralisesFormulaLikeText(String in, String out) {
        assertThat(LedgerExportService.safe(in)).isEqualTo(out);
    }

    @Test
    void neutralisesTabAndCarriageReturn() {
        assertThat(LedgerExportService.safe("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(LedgerExportService.safe("\r=cmd")).isEqualTo("'\r=cmd");
    }
}
