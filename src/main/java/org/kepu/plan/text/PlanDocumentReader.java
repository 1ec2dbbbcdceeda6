package org.kepu.plan.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.kepu.shared.BadRequestException;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded plan into plain text for {@link PlanTextParser}: a Word .docx (paragraphs and table cells in
 * document order, automatic list numbers written out) or a .txt file in UTF-8 (with or without BOM), UTF-16 with
 * BOM, or GB18030/GBK. Errors are {@link BadRequestException}s with a Chinese message.
 *
 * <p>Limits: a file of at most {@value #MAX_FILE_BYTES} bytes, at most {@value #MAX_TEXT_CHARS} characters of text;
 * a .docx archive is inflated entry by entry before POI opens it and refused beyond {@value #MAX_ENTRIES} entries,
 * {@value #MAX_INFLATED_BYTES} inflated bytes, or an inflation ratio above 1:100 (zip bombs). POI's own JVM-wide
 * {@code ZipSecureFile} guard (minimum inflate ratio 0.01, set by the ledger's Excel reader) applies as well; this
 * class does not change those global settings.
 */
@Component
public class PlanDocumentReader {

    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    static final int MAX_TEXT_CHARS = 5 * 1024 * 1024;
    static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;
    static final int MAX_ENTRIES = 2000;
    private static final long RATIO_GRACE_BYTES = 1024 * 1024;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final String DOCX_ERROR = "无法读取 .docx 文件：";

    private final int maxTextChars;

    public PlanDocumentReader() {
        this(MAX_TEXT_CHARS);
    }

    /** With a smaller text limit, for tests. */
    PlanDocumentReader(int maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    /** The text of an uploaded file, chosen by content (a zip archive is read as .docx), not by name alone. */
    public String readFile(String fileName, byte[] content) {
        byte[] bytes = content == null ? new byte[0] : content;
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (startsWith(bytes, OLE2) || name.endsWith(".doc") || name.endsWith(".wps")) {
            throw new BadRequestException(DOCX_ERROR + "这是旧版 Word（.doc）或 WPS 文件，请另存为 .docx 后再上传");
        }
        if (startsWith(bytes, ZIP) || name.endsWith(".docx")) {
            return readText(new ByteArrayInputStream(bytes));
        }
        return readText(bytes);
    }

    /** The text of a .docx document. */
    public String readText(InputStream docx) {
        byte[] bytes = readAll(docx);
        if (bytes.length == 0) {
            throw new BadRequestException(DOCX_ERROR + "文件是空的");
        }
        if (startsWith(bytes, OLE2)) {
            throw new BadRequestException(DOCX_ERROR + "这是旧版 Word（.doc）文件，请另存为 .docx 后再上传");
        }
        if (!startsWith(bytes, ZIP)) {
            throw new BadRequestException(DOCX_ERROR + "文件不是 Word 文档（.docx）");
        }
        checkArchive(bytes);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return DocxText.of(doc, maxTextChars);
        } catch (DocxText.TooLong e) {
            throw new BadRequestException(DOCX_ERROR + "文字超过 " + size(maxTextChars) + "，请拆分后再导入");
        } catch (IOException | RuntimeException e) {
            throw new BadRequestException(DOCX_ERROR + "文件已损坏或不是 Word 文档");
        }
    }

    /** The text of a .txt file: UTF-8 (BOM or not), UTF-16 with BOM, otherwise GB18030 (which covers GBK, GB2312). */
    public String readText(byte[] txt) {
        byte[] bytes = txt == null ? new byte[0] : txt;
        if (bytes.length > MAX_FILE_BYTES) {
            throw new BadRequestException("无法读取文本文件：文件超过 " + MAX_FILE_BYTES / 1024 / 1024 + " MB");
        }
        String text;
        if (startsWith(bytes, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else {
            text = strictUtf8(bytes);
            if (text == null) {
                text = new String(bytes, Charset.forName("GB18030"));
            }
        }
        if (text.length() > maxTextChars) {
            throw new BadRequestException("无法读取文本文件：文字超过 " + size(maxTextChars) + "，请拆分后再导入");
        }
        return text;
    }

    private static String size(int chars) {
        return chars >= 1024 * 1024 ? chars / 1024 / 1024 + " MB" : chars + " 个字符";
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] readAll(InputStream in) {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new BadRequestException(DOCX_ERROR + "文件超过 " + MAX_FILE_BYTES / 1024 / 1024 + " MB");
            }
            return bytes;
        } catch (IOException e) {
            throw new BadRequestException(DOCX_ERROR + "上传没有完成，请重试");
        }
    }

    /** Inflates every entry (declared sizes are not trusted) and requires a Word document's parts. */
    private static void checkArchive(byte[] bytes) {
        boolean contentTypes = false;
        boolean document = false;
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw bomb();
                }
                contentTypes |= e.getName().equals("[Content_Types].xml");
                document |= e.getName().equals("word/document.xml");
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_INFLATED_BYTES
                            || total > RATIO_GRACE_BYTES && total > (long) bytes.length * 100) {
                        throw bomb();
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BadRequestException(DOCX_ERROR + "文件已损坏或不是 Word 文档");
        }
        if (!contentTypes || !document) {
            throw new BadRequestException(DOCX_ERROR + "压缩包里没有 Word 正文（可能是 .xlsx 或其他文件）");
        }
    }

    private static BadRequestException bomb() {
        return new BadRequestException(DOCX_ERROR + "文件解压后过大，可能已损坏或被构造");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
