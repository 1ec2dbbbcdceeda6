package org.kepu.plan.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.kepu.audit.AuditLog;
import org.kepu.plan.PlanService;
import org.kepu.plan.ResponsibilityList;
import org.kepu.shared.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A unit's 责任清单 as .xlsx or .docx, with the same scope as the page; every export is audited as EXPORT. */
@Service
public class ResponsibilityExports {

    /** Opens the output (given the unit's name) only when the list is ready, so a refusal gets an error page. */
    @FunctionalInterface
    public interface Output {
        OutputStream open(String unitName) throws IOException;
    }

    private final PlanService plans;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    ResponsibilityExports(PlanService plans, MessageSource messages, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes the .xlsx. */
    @Transactional
    public void xlsx(CurrentUser user, long unitId, boolean includeClosed, Output output) throws IOException {
        ResponsibilityList list = prepare(user, unitId, includeClosed, "xlsx");
        try (OutputStream out = output.open(list.unit().name())) {
            ResponsibilityXlsx.write(list, LocalDate.now(clock), messages, out);
        }
    }

    /** Writes the .docx. */
    @Transactional
    public void docx(CurrentUser user, long unitId, boolean includeClosed, Output output) throws IOException {
        ResponsibilityList list = prepare(user, unitId, includeClosed, "docx");
        try (OutputStream out = output.open(list.unit().name())) {
            ResponsibilityDocx.write(list, LocalDate.now(clock), messages, out);
        }
    }

    private ResponsibilityList prepare(CurrentUser user, long unitId, boolean includeClosed, String format) {
        ResponsibilityList list = plans.tasksForUnit(user, unitId, includeClosed);
        audit.record("EXPORT", "responsibility_list", unitId, null, Map.of("format", format, "unit",
                list.unit().name(), "lead", list.leadCount(), "cooperating", list.cooperatingCount(),
                "includeClosed", includeClosed));
        return list;
    }
}
