package org.kepu.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.kepu.organization.MemberUnitService;
import org.kepu.plan.PlanService;
import org.kepu.plan.export.ResponsibilityExports;
import org.kepu.plan.internal.Responsibilities;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 责任清单: a unit's list on screen, as .xlsx and as .docx; the entry page sends a unit's liaison or head to their
 * own unit's list and shows everybody else the units they may see with their counts.
 */
@Controller
class ResponsibilityController {

    static final String LIST = "plan/responsibilities";
    static final String UNITS = "plan/responsibility-units";

    private final PlanService plans;
    private final Responsibilities responsibilities;
    private final MemberUnitService units;
    private final ResponsibilityExports exports;

    ResponsibilityController(PlanService plans, Responsibilities responsibilities, MemberUnitService units,
            ResponsibilityExports exports) {
        this.plans = plans;
        this.responsibilities = responsibilities;
        this.units = units;
        this.exports = exports;
    }

    @GetMapping("/responsibilities")
    String entry(Model model) {
        CurrentUser user = CurrentUsers.require();
        if (user.scope().unitId() != null) {
            return "redirect:/units/" + user.scope().unitId() + "/responsibilities";
        }
        Map<Long, long[]> counts = responsibilities.countsByUnit(user);
        model.addAttribute("units", units.readableUnits(user));
        model.addAttribute("counts", counts);
        return UNITS;
    }

    @GetMapping("/units/{id:\\d+}/responsibilities")
    String list(@PathVariable long id, @RequestParam(defaultValue = "false") boolean closed, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("list", plans.tasksForUnit(user, id, closed));
        model.addAttribute("closed", closed);
        return LIST;
    }

    @GetMapping("/units/{id:\\d+}/responsibilities.xlsx")
    void xlsx(@PathVariable long id, @RequestParam(defaultValue = "false") boolean closed,
            HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        exports.xlsx(user, id, closed, name -> {
            start(response, name + "责任清单.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return response.getOutputStream();
        });
    }

    @GetMapping("/units/{id:\\d+}/responsibilities.docx")
    void docx(@PathVariable long id, @RequestParam(defaultValue = "false") boolean closed,
            HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        exports.docx(user, id, closed, name -> {
            start(response, name + "责任清单.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            return response.getOutputStream();
        });
    }

    private static void start(HttpServletResponse response, String fileName, String type) {
        response.setContentType(type);
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        response.setHeader("Content-Disposition", "attachment; filename=\"responsibilities."
                + fileName.substring(fileName.lastIndexOf('.') + 1) + "\"; filename*=UTF-8''" + encoded);
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
