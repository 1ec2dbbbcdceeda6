package org.kepu.plan.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.kepu.shared.BadRequestException;

/** Checks on what users type into reports. */
final class Texts {

    static final int MAX_BODY = 5000;
    static final int MAX_REASON = 500;
    static final int MAX_FIGURES = 20;

    private Texts() {
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String body(String s, boolean required) {
        String b = trim(s);
        if (b == null && required) {
            throw new BadRequestException("progress.error.bodyRequired");
        }
        if (b != null && b.length() > MAX_BODY) {
            throw new BadRequestException("progress.error.bodyLong", MAX_BODY);
        }
        return b == null ? "" : b;
    }

    static String reason(String s) {
        String r = trim(s);
        if (r == null) {
            throw new BadRequestException("progress.error.reasonRequired");
        }
        if (r.length() > MAX_REASON) {
            throw new BadRequestException("progress.error.reasonLong", MAX_REASON);
        }
        return r;
    }

    /** A reason as a clause inside a sentence: without its own closing 。/./；/！ (the message adds one). */
    static String clause(String reason) {
        String r = reason.strip();
        while (!r.isEmpty() && "。.；;！!".indexOf(r.charAt(r.length() - 1)) >= 0) {
            r = r.substring(0, r.length() - 1).stripTrailing();
        }
        return r.isEmpty() ? reason : r;
    }

    static List<ReportFigure> figures(List<ReportFigure> in) {
        List<ReportFigure> out = new ArrayList<>();
        for (ReportFigure f : in == null ? List.<ReportFigure>of() : in) {
            String label = trim(f.label());
            String unit = trim(f.unit());
            if (label == null && f.quantity() == null && unit == null) {
                continue;
            }
            if (label == null || f.quantity() == null) {
                throw new BadRequestException("progress.error.figure");
            }
            if (label.length() > 100 || unit != null && unit.length() > 20) {
                throw new BadRequestException("progress.error.figureLong");
            }
            if (f.quantity().signum() < 0 || f.quantity().compareTo(new BigDecimal("1e12")) >= 0) {
                throw new BadRequestException("progress.error.figureQuantity");
            }
            out.add(new ReportFigure(label, f.quantity(), unit));
        }
        if (out.size() > MAX_FIGURES) {
            throw new BadRequestException("progress.error.figuresTooMany", MAX_FIGURES);
        }
        return out;
    }
}
