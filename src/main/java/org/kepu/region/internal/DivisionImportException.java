package org.kepu.region.internal;

import java.util.List;
import org.kepu.shared.BadRequestException;

/** The files were refused; {@link #problems()} lists every bad row as "file 第 n 行：…" in Chinese. */
public class DivisionImportException extends BadRequestException {

    private final transient List<String> problems;

    public DivisionImportException(List<String> problems) {
        super("division.import.failed", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
