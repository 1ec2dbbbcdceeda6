/**
 * Excel ledgers (台账) of the activity module: the import template, the import of .xlsx files and the export of
 * the filtered activity list.
 *
 * <p>Decisions:
 * <ul>
 * <li>Columns are found by header name (label or alias), so reordered columns import; unknown columns are
 * ignored; a missing required column refuses the whole file. The header row is searched in the first 10 rows,
 * so merged title rows above it are fine. Only the first sheet is read.</li>
 * <li>All rows or none: every row is validated first and every bad cell reported
 * (第 N 行「列」：…); only a file without errors is written, in one transaction.</li>
 * <li>Imported activities are drafts (DRAFT) created by the importer; they go through the normal submit/verify
 * workflow. One audit entry (IMPORT) per file.</li>
 * <li>The same file (same SHA-256 of its bytes, table {@code activity_import}) cannot be imported twice.</li>
 * <li>Formula cells import with the value Excel cached when saving; a formula without a cached value is a cell
 * error.</li>
 * <li>Files are checked by content: a zip with {@code [Content_Types].xml} and {@code xl/workbook.xml};
 * zip bombs are refused (inflate ratio, entry and total size); at most 20 MB and 200,000 rows.</li>
 * <li>Page imports run in the background on one worker thread per node; jobs live in memory on that node for
 * two hours and are visible only to the user who started them. The API import is synchronous.</li>
 * <li>Exports prefix text starting with {@code = + - @}, tab or CR with an apostrophe and write it as text.</li>
 * </ul>
 */
package org.kepu.activity.ledger;
