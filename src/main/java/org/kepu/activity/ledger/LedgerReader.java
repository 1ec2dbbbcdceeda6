package org.kepu.activity.ledger;

import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Streams the first sheet of a checked .xlsx (see {@link XlsxGuard}) row by row without loading it into memory.
 * The header row is the first of the top {@link LedgerLimits#HEADER_SEARCH_ROWS} rows in which at least three
 * cells name known columns, so merged title rows above it are skipped; columns are mapped by header name; blank
 * rows are skipped; every other row is handed to the sink with its Excel row number (1-based).
 *
 * <p>Formula cells: the result Excel cached when the file was saved is read, like any other value; a formula
 * without a cached result is marked so that validation reports it.
 */
final class LedgerReader {

    /** Receives each non-blank data row; {@code cells} is indexed by {@link LedgerColumn#ordinal()}. */
    interface RowSink {
        void row(int rowNumber, RawCell[] cells);

        /** The number of rows below the header the sheet declares (its dimension); called once, may be 0. */
        default void expectedRows(int rows) {
        }
    }

    /** What was read: the header row number, the columns present and the number of data rows. */
    record Summary(int headerRow, List<LedgerColumn> columns, int dataRows) {
    }

    private LedgerReader() {
    }

    static Summary read(Path file, RowSink sink) {
        try (Workbook wb = StreamingReader.builder().rowCacheSize(500).bufferSize(65536).setReadComments(false)
                .setReadHyperlinks(false).setReadShapes(false).setReadCoreProperties(false).open(file.toFile())) {
            if (wb.getNumberOfSheets() == 0) {
                throw new LedgerFileException("ledger.sheet.empty");
            }
            Sheet sheet = wb.getSheetAt(0);
            return read(sheet, sink);
        } catch (ExcelRuntimeException | IOException | IllegalStateException e) {
            if (e.getCause() instanceof LedgerFileException lfe) {
                throw lfe;
            }
            throw new LedgerFileException("ledger.file.unreadable");
        }
    }

    private static Summary read(Sheet sheet, RowSink sink) {
        Iterator<Row> rows = sheet.rowIterator();
        int[] columnAt = null;
        int headerRow = 0;
        List<LedgerColumn> present = List.of();
        boolean anyContent = false;
        while (rows.hasNext() && columnAt == null) {
            Row row = rows.next();
            if (row.getRowNum() >= LedgerLimits.HEADER_SEARCH_ROWS) {
                throw new LedgerFileException(anyContent ? "ledger.header.notFound" : "ledger.sheet.empty");
            }
            Map<Integer, LedgerColumn> found = new java.util.TreeMap<>();
            for (Cell c : row) {
                RawCell raw = raw(c);
                if (!raw.blank()) {
                    anyContent = true;
                }
                LedgerColumn col = LedgerColumn.ofHeader(raw.text());
                if (col != null) {
                    if (found.containsValue(col)) {
                        throw new LedgerFileException("ledger.header.duplicate", col.label());
                    }
                    found.put(c.getColumnIndex(), col);
                }
            }
            if (found.size() >= 3) {
                headerRow = row.getRowNum() + 1;
                int width = found.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
                int[] map = new int[width];
                java.util.Arrays.fill(map, -1);
                for (Map.Entry<Integer, LedgerColumn> e : found.entrySet()) {
                    map[e.getKey()] = e.getValue().ordinal();
                }
                columnAt = map;
                present = new ArrayList<>(found.values());
            }
        }
        if (columnAt == null) {
            throw new LedgerFileException(anyContent ? "ledger.header.notFound" : "ledger.sheet.empty");
        }
        List<LedgerColumn> columns = present;
        List<LedgerColumn> missing = java.util.Arrays.stream(LedgerColumn.values())
                .filter(c -> c.required() && !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new LedgerFileException("ledger.header.missing",
                    missing.stream().map(c -> "「" + c.label() + "」").collect(Collectors.joining("、")));
        }
        sink.expectedRows(Math.max(0, sheet.getLastRowNum() + 1 - headerRow));
        int dataRows = 0;
        LedgerColumn[] all = LedgerColumn.values();
        while (rows.hasNext()) {
            Row row = rows.next();
            RawCell[] cells = new RawCell[all.length];
            boolean blank = true;
            for (Cell c : row) {
                int index = c.getColumnIndex();
                if (index < columnAt.length && columnAt[index] >= 0) {
                    RawCell raw = raw(c);
                    cells[columnAt[index]] = raw;
                    blank &= raw.blank();
                }
            }
            if (blank) {
                continue;
            }
            if (++dataRows > LedgerLimits.MAX_ROWS) {
                throw new LedgerFileException("ledger.file.tooManyRows", LedgerLimits.MAX_ROWS);
            }
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == null) {
                    cells[i] = RawCell.BLANK;
                }
            }
            sink.row(row.getRowNum() + 1, cells);
        }
        if (dataRows == 0) {
            throw new LedgerFileException("ledger.sheet.noData");
        }
        return new Summary(headerRow, List.copyOf(present), dataRows);
    }

    static RawCell raw(Cell c) {
        CellType type = c.getCellType();
        if (type == CellType.FORMULA) {
            type = c.getCachedFormulaResultType();
            if (type == CellType.BLANK || type == CellType._NONE || type == CellType.ERROR
                    || (type == CellType.STRING && c.getStringCellValue().isEmpty())) {
                return RawCell.formulaWithoutValue(c.getCellFormula());
            }
        }
        return switch (type) {
            case NUMERIC -> {
                double v = c.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(c)) {
                    yield RawCell.date(c.getLocalDateTimeCellValue(), v);
                }
                yield RawCell.number(v);
            }
            case STRING -> RawCell.text(c.getStringCellValue());
            case BOOLEAN -> RawCell.text(c.getBooleanCellValue() ? "TRUE" : "FALSE");
            default -> RawCell.BLANK;
        };
    }
}
