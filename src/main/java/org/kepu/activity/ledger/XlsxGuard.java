package org.kepu.activity.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Decides by content, not by name, whether a file is an .xlsx workbook that is safe to open: a zip archive
 * with {@code [Content_Types].xml} and {@code xl/workbook.xml}; no entry inflating beyond
 * {@link LedgerLimits#MAX_ENTRY_BYTES} or faster than 1:100, and at most {@link LedgerLimits#MAX_TOTAL_UNCOMPRESSED}
 * in all. Every entry is really inflated (declared sizes in the archive are not trusted). POI's own guard is
 * set to the same limits for the reader that follows.
 */
final class XlsxGuard {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        ZipSecureFile.setMinInflateRatio(LedgerLimits.MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(LedgerLimits.MAX_ENTRY_BYTES);
    }

    private XlsxGuard() {
    }

    static void check(Path file) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new LedgerFileException("ledger.file.empty");
            }
            if (size > LedgerLimits.MAX_FILE_BYTES) {
                throw new LedgerFileException("ledger.file.tooLarge", LedgerLimits.MAX_FILE_BYTES / 1024 / 1024);
            }
            byte[] head = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                if (in.readNBytes(head, 0, 4) < 4) {
                    throw new LedgerFileException("ledger.file.notXlsx");
                }
            }
            if (java.util.Arrays.equals(head, OLE2)) {
                throw new LedgerFileException("ledger.file.xls");
            }
            if (!java.util.Arrays.equals(head, ZIP)) {
                throw new LedgerFileException("ledger.file.notXlsx");
            }
            scan(file);
        } catch (IOException e) {
            throw new LedgerFileException("ledger.file.notXlsx");
        }
    }

    private static void scan(Path file) throws IOException {
        boolean contentTypes = false;
        boolean workbook = false;
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++entries > LedgerLimits.MAX_ENTRIES) {
                    throw new LedgerFileException("ledger.file.bomb");
                }
                contentTypes |= e.getName().equals("[Content_Types].xml");
                workbook |= e.getName().equals("xl/workbook.xml");
                long compressed = Math.max(e.getCompressedSize(), 1);
                long inflated = 0;
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        inflated += n;
                        total += n;
                        if (inflated > LedgerLimits.MAX_ENTRY_BYTES || total > LedgerLimits.MAX_TOTAL_UNCOMPRESSED) {
                            throw new LedgerFileException("ledger.file.bomb");
                        }
                        if (inflated > LedgerLimits.RATIO_GRACE_BYTES
                                && (double) compressed / inflated < LedgerLimits.MIN_INFLATE_RATIO) {
                            throw new LedgerFileException("ledger.file.bomb");
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new LedgerFileException("ledger.file.notXlsx");
        }
        if (!contentTypes || !workbook) {
            throw new LedgerFileException("ledger.file.notXlsx");
        }
    }
}
