package org.kepu.plan.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kepu.plan.text.PlanTextFixtures.all;
import static org.kepu.plan.text.PlanTextFixtures.at;
import static org.kepu.plan.text.PlanTextFixtures.numberings;
import static org.kepu.plan.text.PlanTextFixtures.seed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.kepu.shared.BadRequestException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

class PlanDocumentReaderTest {

    private final PlanDocumentReader reader = new PlanDocumentReader();
    private final ChinesePlanTextParser parser = new ChinesePlanTextParser();

    @Test
    void aDocxOfSeed004ParsesLikeItsText() throws IOException {
        String text = seed(PlanTextFixtures.SEED_004);
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n", -1)) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            docx = out.toByteArray();
        }
        String read = reader.readText(new ByteArrayInputStream(docx));
        ParsedPlan fromDocx = parser.parse(read);
        ParsedPlan fromText = parser.parse(text);
        assertThat(fromDocx.tasks()).isEqualTo(fromText.tasks());
        assertThat(all(fromDocx)).hasSize(74);
        assertThat(fromDocx.title()).isEqualTo("寻乌县全民科学素质行动规划纲要实施方案（2021—2025年）");
        assertThat(fromDocx.documentNumber()).isEqualTo("寻府办字〔2022〕5号");
        assertThat(reader.readFile("寻乌县实施方案.docx", docx)).isEqualTo(read);
        assertThat(reader.readFile("misnamed.txt", docx)).isEqualTo(read);
    }

    @Test
    void tableCellsAreReadInDocumentOrder() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("一、重点任务");
            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("1．建设科普基地。");
            table.getRow(0).getCell(1).setText("（县科协负责）");
            table.getRow(1).getCell(0).setText("2．培训农民5000人次以上。");
            table.getRow(1).getCell(1).setText("（县农业农村局负责）");
            doc.createParagraph().createRun().setText("二、保障措施");
            doc.write(out);
            docx = out.toByteArray();
        }
        String read = reader.readText(new ByteArrayInputStream(docx));
        assertThat(read).isEqualTo("一、重点任务\n1．建设科普基地。\n（县科协负责）\n2．培训农民5000人次以上。\n（县农业农村局负责）\n二、保障措施\n");
        ParsedPlan plan = parser.parse(read);
        assertThat(at(plan, 0, 1).leadUnits()).containsExactly("县农业农村局");
        assertThat(at(plan, 0, 1).targets()).hasSize(1);
    }

    @Test
    void automaticListNumbersAreWrittenOut() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
            abstractNum.setAbstractNumId(BigInteger.ONE);
            level(abstractNum, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
            level(abstractNum, 1, STNumberFormat.CHINESE_COUNTING, "（%2）");
            level(abstractNum, 2, STNumberFormat.DECIMAL, "%3．");
            level(abstractNum, 3, STNumberFormat.DECIMAL_ENCLOSED_CIRCLE, "%4");
            XWPFNumbering numbering = doc.createNumbering();
            BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
            BigInteger numId = numbering.addNum(abstractId);
            paragraph(doc, numId, 0, "指导思想");
            paragraph(doc, numId, 0, "主要任务");
            paragraph(doc, numId, 1, "青少年");
            paragraph(doc, numId, 2, "开展竞赛。");
            paragraph(doc, numId, 3, "机器人竞赛");
            paragraph(doc, numId, 3, "科技创新大赛");
            paragraph(doc, numId, 2, "开展讲座。");
            paragraph(doc, numId, 1, "农民");
            paragraph(doc, numId, 2, "开展培训。");
            doc.createParagraph().createRun().setText("不编号的段落");
            doc.write(out);
            docx = out.toByteArray();
        }
        String read = reader.readText(new ByteArrayInputStream(docx));
        assertThat(read).isEqualTo("一、指导思想\n二、主要任务\n（一）青少年\n1．开展竞赛。\n①机器人竞赛\n②科技创新大赛\n"
                + "2．开展讲座。\n（二）农民\n1．开展培训。\n不编号的段落\n");
        ParsedPlan plan = parser.parse(read);
        assertThat(numberings(at(plan, 1).children())).containsExactly("（一）", "（二）");
        assertThat(numberings(at(plan, 1, 0, 0).children())).containsExactly("①", "②");
    }

    private static void level(CTAbstractNum abstractNum, int ilvl, STNumberFormat.Enum format, String text) {
        CTLvl lvl = abstractNum.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(ilvl));
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(format);
        lvl.addNewLvlText().setVal(text);
    }

    private static void paragraph(XWPFDocument doc, BigInteger numId, int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setNumID(numId);
        p.setNumILvl(BigInteger.valueOf(level));
        p.createRun().setText(text);
    }

    @Test
    void refusesWhatIsNoDocx() throws IOException {
        assertRefused("这不是 Word 文件".getBytes(StandardCharsets.UTF_8), "无法读取 .docx 文件：文件不是 Word 文档（.docx）");
        assertRefused(new byte[0], "无法读取 .docx 文件：文件是空的");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertRefused(ole2, "无法读取 .docx 文件：这是旧版 Word（.doc）文件，请另存为 .docx 后再上传");
        assertThatThrownBy(() -> reader.readFile("plan.doc", ole2)).isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("无法读取 .docx 文件：这是旧版 Word");
        byte[] workbook = zip("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8), "xl/workbook.xml",
                "<workbook/>".getBytes(StandardCharsets.UTF_8));
        assertRefused(workbook, "无法读取 .docx 文件：压缩包里没有 Word 正文（可能是 .xlsx 或其他文件）");
        byte[] broken = zip("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8), "word/document.xml",
                "<w:document>".getBytes(StandardCharsets.UTF_8));
        assertRefused(broken, "无法读取 .docx 文件：文件已损坏或不是 Word 文档");
        byte[] truncated = java.util.Arrays.copyOf(workbook, workbook.length / 2);
        assertThatThrownBy(() -> reader.readText(new ByteArrayInputStream(truncated)))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("无法读取 .docx 文件：");
    }

    @Test
    void refusesZipBombs() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertRefused(bytes.toByteArray(), "无法读取 .docx 文件：文件解压后过大，可能已损坏或被构造");
    }

    @Test
    void refusesTooMuchText() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 20; i++) {
                doc.createParagraph().createRun().setText("开展科普活动。".repeat(10));
            }
            doc.write(out);
            docx = out.toByteArray();
        }
        PlanDocumentReader small = new PlanDocumentReader(1000);
        assertThatThrownBy(() -> small.readText(new ByteArrayInputStream(docx)))
                .isInstanceOf(BadRequestException.class).hasMessage("无法读取 .docx 文件：文字超过 1000 个字符，请拆分后再导入");
        assertThatThrownBy(() -> small.readText("科".repeat(1001).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadRequestException.class).hasMessage("无法读取文本文件：文字超过 1000 个字符，请拆分后再导入");
        assertThat(new PlanDocumentReader(2000).readText(new ByteArrayInputStream(docx))).hasSize(20 * 71);
        assertThatThrownBy(() -> reader.readText(new byte[PlanDocumentReader.MAX_FILE_BYTES + 1]))
                .isInstanceOf(BadRequestException.class).hasMessage("无法读取文本文件：文件超过 20 MB");
    }

    private void assertRefused(byte[] bytes, String message) {
        assertThatThrownBy(() -> reader.readText(new ByteArrayInputStream(bytes)))
                .isInstanceOf(BadRequestException.class).hasMessage(message);
    }

    private static byte[] zip(String name1, byte[] content1, String name2, byte[] content2) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name1));
            zip.write(content1);
            zip.putNextEntry(new ZipEntry(name2));
            zip.write(content2);
        }
        return bytes.toByteArray();
    }

    @Test
    void textFilesInUtf8Utf16AndGb18030() {
        String text = seed(PlanTextFixtures.SEED_003);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        assertThat(reader.readText(utf8)).isEqualTo(text);
        assertThat(reader.readText(bom)).isEqualTo(text);
        assertThat(reader.readText(text.getBytes(Charset.forName("GB18030")))).isEqualTo(text);
        assertThat(reader.readText(text.getBytes(Charset.forName("GBK")))).isEqualTo(text);
        assertThat(reader.readText(utf16)).isEqualTo(text);
        assertThat(reader.readFile("忠县要点.txt", text.getBytes(Charset.forName("GB18030")))).isEqualTo(text);
        assertThat(reader.readText((byte[]) null)).isEmpty();
        assertThat(parser.parse(reader.readText(text.getBytes(Charset.forName("GB18030")))).title())
                .isEqualTo("忠县2024年科普工作要点");
    }
}
