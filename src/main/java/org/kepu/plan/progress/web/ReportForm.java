package org.kepu.plan.progress.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.kepu.plan.TaskProgress;
import org.kepu.plan.progress.ProgressReport;
import org.kepu.plan.progress.ReportFigure;
import org.kepu.plan.progress.ReportInput;
import org.kepu.shared.BadRequestException;
import org.springframework.util.MultiValueMap;

/**
 * The quarterly report form: status, text, figure lines (figLabel / figQty / figUnit, in order) and the activities
 * ticked as evidence. The task, the unit and the quarter come from the URL and the session.
 */
public record ReportForm(String progress, String body, List<String[]> figures, List<Long> activityIds,
        Integer version) {

    static final int BLANK_LINES = 3;

    static ReportForm empty() {
        return new ReportForm(null, "", blank(new ArrayList<>()), List.of(), null);
    }

    static ReportForm of(ProgressReport r) {
        List<String[]> f = new ArrayList<>();
        for (ReportFigure x : r.figures()) {
            f.add(new String[] {x.label(), x.quantityText(), x.unit() == null ? "" : x.unit()});
        }
        return new ReportForm(r.progress().name(), r.body(), blank(f), r.activityIds(), r.version());
    }

    static ReportForm from(MultiValueMap<String, String> p) {
        List<String> labels = p.getOrDefault("figLabel", List.of());
        List<String> qty = p.getOrDefault("figQty", List.of());
        List<String> units = p.getOrDefault("figUnit", List.of());
        List<String[]> f = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            f.add(new String[] {labels.get(i), i < qty.size() ? qty.get(i) : "", i < units.size() ? units.get(i) : ""});
        }
        List<Long> ids = new ArrayList<>();
        for (String s : p.getOrDefault("activity", List.of())) {
            if (s != null && s.strip().matches("\\d{1,18}")) {
                ids.add(Long.valueOf(s.strip()));
            }
        }
        String v = p.getFirst("version");
        return new ReportForm(p.getFirst("progress"), p.getFirst("body"), f, ids,
                v != null && v.matches("\\d{1,9}") ? Integer.valueOf(v) : null);
    }

    ReportInput toInput() {
        List<ReportFigure> out = new ArrayList<>();
        for (String[] f : figures) {
            String q = f[1] == null ? "" : f[1].strip().replace(",", "").replace("，", "");
            BigDecimal n = null;
            if (!q.isEmpty()) {
                try {
                    n = new BigDecimal(q);
                } catch (NumberFormatException e) {
                    throw new BadRequestException("progress.error.figureQuantity");
                }
            }
            out.add(new ReportFigure(f[0], n, f[2]));
        }
        return new ReportInput(TaskProgress.parse(progress), body, out, activityIds);
    }

    /** The figure lines with blank lines added for new entries. */
    public List<String[]> lines() {
        return figures;
    }

    private static List<String[]> blank(List<String[]> f) {
        for (int i = 0; i < BLANK_LINES; i++) {
            f.add(new String[] {"", "", ""});
        }
        return f;
    }

    ReportForm withBlankLines() {
        return new ReportForm(progress, body, blank(new ArrayList<>(figures.stream()
                .filter(x -> !(x[0] == null || x[0].isBlank()) || !(x[1] == null || x[1].isBlank())).toList())),
                activityIds, version);
    }
}
