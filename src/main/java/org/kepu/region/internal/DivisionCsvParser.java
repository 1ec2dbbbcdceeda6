package org.kepu.region.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads and checks the rows of one subtree from the five files. Every row of every file is checked for shape
 * (header, columns, code digits, name); the rows of the subtree and of the root's ancestors are also checked for
 * consistency (parent columns agree with the code, the parent is present, no duplicates).
 */
final class DivisionCsvParser {

    /** One file of the format: its level, its header and the code length of each column. */
    record FileSpec(String name, int level, List<String> header) {

        int codeLength() {
            return CODE_LENGTHS.get(level);
        }
    }

    record Row(String code, String name, String parentCode, int level, String file, int line) {
    }

    static final Map<Integer, Integer> CODE_LENGTHS = Map.of(1, 2, 2, 4, 3, 6, 4, 9, 5, 12);
    static final Map<String, Integer> PARENT_COLUMN_LENGTHS = Map.of("provinceCode", 2, "cityCode", 4,
            "areaCode", 6, "streetCode", 9);

    static final List<FileSpec> SPECS = List.of(
            new FileSpec("provinces.csv", 1, List.of("code", "name")),
            new FileSpec("cities.csv", 2, List.of("code", "name", "provinceCode")),
            new FileSpec("areas.csv", 3, List.of("code", "name", "cityCode", "provinceCode")),
            new FileSpec("streets.csv", 4, List.of("code", "name", "areaCode", "provinceCode", "cityCode")),
            new FileSpec("villages.csv", 5, List.of("code", "name", "streetCode", "provinceCode", "cityCode",
                    "areaCode")));

    static final int MAX_PROBLEMS = 200;

    private final BiFunction<String, Object[], String> messages;
    private final List<String> problems = new ArrayList<>();

    DivisionCsvParser(BiFunction<String, Object[], String> messages) {
        this.messages = messages;
    }

    List<String> problems() {
        return problems;
    }

    /** The rows of the subtree at {@code root} and of its ancestors, ordered by level then code. */
    List<Row> parse(DivisionCsvFiles files, String root) {
        Map<String, Row> kept = new LinkedHashMap<>();
        for (FileSpec spec : SPECS) {
            byte[] bytes = files.get(spec.name()).orElse(null);
            if (bytes == null) {
                problem("division.import.missingFile", spec.name());
                continue;
            }
            readFile(spec, bytes, root, kept);
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        if (!kept.containsKey(root)) {
            problem("division.import.rootMissing", root);
            return List.of();
        }
        Map<String, Row> byCode = new HashMap<>(kept);
        for (Row r : kept.values()) {
            if (r.parentCode() != null && !byCode.containsKey(r.parentCode())) {
                rowProblem(r.file(), r.line(), "division.import.parentMissing", r.parentCode());
            }
        }
        return new ArrayList<>(kept.values());
    }

    private void readFile(FileSpec spec, byte[] bytes, String root, Map<String, Row> kept) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), decoder))) {
            String line;
            int no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                if (no == 1) {
                    String header = line.startsWith("\uFEFF") ? line.substring(1) : line;
                    List<String> cols = CsvLines.split(header);
                    if (cols == null || !cols.equals(spec.header())) {
                        rowProblem(spec.name(), 1, "division.import.header", String.join(",", spec.header()), header);
                        return;
                    }
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                Row row = readRow(spec, line, no);
                if (row != null && (row.code().startsWith(root) || root.startsWith(row.code()))) {
                    Row before = kept.putIfAbsent(row.code(), row);
                    if (before != null) {
                        rowProblem(spec.name(), no, "division.import.duplicate", row.code(), before.file(),
                                Integer.toString(before.line()));
                    }
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    return;
                }
            }
            if (no == 0) {
                rowProblem(spec.name(), 1, "division.import.header", String.join(",", spec.header()), "");
            }
        } catch (CharacterCodingException e) {
            problem("division.import.encoding", spec.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row readRow(FileSpec spec, String line, int no) {
        List<String> f = CsvLines.split(line);
        if (f == null) {
            rowProblem(spec.name(), no, "division.import.quoting");
            return null;
        }
        if (f.size() != spec.header().size()) {
            rowProblem(spec.name(), no, "division.import.columns", spec.header().size(), f.size());
            return null;
        }
        String code = f.get(0);
        int len = spec.codeLength();
        if (!code.matches("\\d{" + len + "}")) {
            rowProblem(spec.name(), no, "division.import.code", len, code);
            return null;
        }
        String name = f.get(1);
        if (name.isBlank()) {
            rowProblem(spec.name(), no, "division.import.nameBlank");
            return null;
        }
        if (name.length() > 100) {
            rowProblem(spec.name(), no, "division.import.nameLong", name.length());
            return null;
        }
        String parent = null;
        boolean ok = true;
        for (int i = 2; i < f.size(); i++) {
            String column = spec.header().get(i);
            int plen = PARENT_COLUMN_LENGTHS.get(column);
            String value = f.get(i);
            if (!value.equals(code.substring(0, plen))) {
                rowProblem(spec.name(), no, "division.import.parentColumn", column, value, code);
                ok = false;
            }
            if (i == 2) {
                parent = value;
            }
        }
        return ok ? new Row(code, name.strip(), parent, spec.level(), spec.name(), no) : null;
    }

    private void problem(String key, Object... args) {
        problems.add(messages.apply(key, args));
    }

    private void rowProblem(String file, int line, String key, Object... args) {
        problems.add(messages.apply("division.import.at", new Object[] {file, Integer.toString(line), messages.apply(key, args)}));
    }
}
