package org.kepu.activity.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the first sheet of a checked .xlsx (see {@link XlsxGuard}) row by row with a SAX parser over the sheet
 * XML ({@link SheetXmlHandler}), never holding the sheet in memory. The header row is the first of the top
 * {@link LedgerLimits#HEADER_SEARCH_ROWS} rows in which at least three cells name known columns, so merged title
 * rows above it are skipped; columns are mapped by header name; blank rows are skipped; every other row is handed
 * to the sink with its Excel row number (1-based).
 *
 * <p>Formula cells: the result Excel cached when the file was saved is read, like any other value; a formula
 * without a cached result is marked so that validation reports it.
 *
 * <p>POI's event API is used rather than a cell-object streaming reader: on the 100,000-row benchmark it reads
 * about three times faster (docs/PERFORMANCE.md).
 */
final class LedgerReader {

    /** Receives each non-blank data row; {@code cells} is indexed by {@link LedgerColumn#ordinal()}. */
    interface RowSink {
        void row(int rowNumber, RawCell[] cells);

        /** The number of rows below the header the sheet declares (its dimension); called at most once. */
        default void expectedRows(int rows) {
        }
    }

    /** What was read: the header row number, the columns present and the number of data rows. */
    record Summary(int headerRow, List<LedgerColumn> columns, int dataRows) {
    }

    private LedgerReader() {
    }

    static Summary read(Path file, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new LedgerFileException("ledger.sheet.empty");
            }
            Rows rows = new Rows(sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetXmlHandler(strings, reader.getStylesTable(), rows));
                xml.parse(new InputSource(sheet));
            }
            return rows.finish();
        } catch (LedgerFileException e) {
            throw e;
        } catch (SinkFailure e) {
            throw e.getCause();
        } catch (IOException | SAXException | ParserConfigurationException | OpenXML4JException e) {
            if (e.getCause() instanceof LedgerFileException lfe) {
                throw lfe;
            }
            throw new LedgerFileException("ledger.file.unreadable");
        } catch (RuntimeException e) {
            // POI reports malformed parts with a variety of runtime exceptions; all mean "cannot read this file".
            throw new LedgerFileException("ledger.file.unreadable");
        }
    }

    /** A failure of the sink (validation, writing), passed through unchanged instead of "unreadable file". */
    private static final class SinkFailure extends RuntimeException {

        SinkFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** Header detection, column mapping and blank-row skipping over the rows the SAX handler delivers. */
    private static final class Rows implements SheetXmlHandler.RowConsumer {

        private final RowSink sink;
        private final LedgerColumn[] all = LedgerColumn.values();
        private int[] columnAt;
        private int headerRow;
        private int lastRow;
        private List<LedgerColumn> present = List.of();
        private boolean anyContent;
        private int dataRows;

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void lastRow(int rowNumber) {
            lastRow = rowNumber;
        }

        @Override
        public void row(int rowNumber, List<SheetXmlHandler.IndexedCell> cells) {
            if (columnAt == null) {
                header(rowNumber, cells);
                return;
            }
            RawCell[] values = new RawCell[all.length];
            boolean blank = true;
            for (SheetXmlHandler.IndexedCell c : cells) {
                int index = c.column();
                if (index >= 0 && index < columnAt.length && columnAt[index] >= 0) {
                    values[columnAt[index]] = c.cell();
                    blank &= c.cell().blank();
                }
            }
            if (blank) {
                return;
            }
            if (++dataRows > LedgerLimits.MAX_ROWS) {
                throw new LedgerFileException("ledger.file.tooManyRows", LedgerLimits.MAX_ROWS);
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    values[i] = RawCell.BLANK;
                }
            }
            try {
                sink.row(rowNumber, values);
            } catch (LedgerFileException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }

        private void header(int rowNumber, List<SheetXmlHandler.IndexedCell> cells) {
            if (rowNumber > LedgerLimits.HEADER_SEARCH_ROWS) {
                throw new LedgerFileException(anyContent ? "ledger.header.notFound" : "ledger.sheet.empty");
            }
            Map<Integer, LedgerColumn> found = new TreeMap<>();
            for (SheetXmlHandler.IndexedCell c : cells) {
                if (!c.cell().blank()) {
                    anyContent = true;
                }
                LedgerColumn col = LedgerColumn.ofHeader(c.cell().text());
                if (col != null && c.column() >= 0) {
                    if (found.containsValue(col)) {
                        throw new LedgerFileException("ledger.header.duplicate", col.label());
                    }
                    found.put(c.column(), col);
                }
            }
            if (found.size() < 3) {
                return;
            }
            List<LedgerColumn> columns = new ArrayList<>(found.values());
            List<LedgerColumn> missing = Arrays.stream(all).filter(c -> c.required() && !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new LedgerFileException("ledger.header.missing",
                        missing.stream().map(c -> "「" + c.label() + "」").collect(Collectors.joining("、")));
            }
            int width = found.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            int[] map = new int[width];
            Arrays.fill(map, -1);
            found.forEach((index, col) -> map[index] = col.ordinal());
            columnAt = map;
            headerRow = rowNumber;
            present = List.copyOf(columns);
            if (lastRow > rowNumber) {
                sink.expectedRows(lastRow - rowNumber);
            }
        }

        Summary finish() {
            if (columnAt == null) {
                throw new LedgerFileException(anyContent ? "ledger.header.notFound" : "ledger.sheet.empty");
            }
            if (dataRows == 0) {
                throw new LedgerFileException("ledger.sheet.noData");
            }
            return new Summary(headerRow, present, dataRows);
        }
    }
}
