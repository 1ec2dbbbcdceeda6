package org.kepu.organization.web;

import org.kepu.organization.UnitType;
import org.kepu.organization.internal.UnitQueries;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Member-unit list (search, type, status, paging; filters in the URL) and detail page. */
@Controller
class UnitController {

    static final String LIST = "organization/list";
    static final String DETAIL = "organization/detail";

    private final UnitQueries queries;

    UnitController(UnitQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/units")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "active") String status, @RequestParam(required = false) Integer page,
            Model model) {
        CurrentUser user = CurrentUsers.require();
        String t = type != null && java.util.Arrays.stream(UnitType.values()).anyMatch(u -> u.name().equals(type))
                ? type : "";
        Boolean active = switch (status) {
            case "inactive" -> false;
            case "all" -> null;
            default -> true;
        };
        String s = active == null ? "all" : active ? "active" : "inactive";
        var result = queries.list(user, new UnitQueries.Filter(q, t, active), PageResult.clampPage(page), 50);
        model.addAttribute("result", result);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("type", t);
        model.addAttribute("status", s);
        model.addAttribute("canCreate", user.is(org.kepu.shared.Role.OFFICE_ADMIN));
        return LIST;
    }

    @GetMapping("/units/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("unit", queries.detail(CurrentUsers.require(), id));
        return DETAIL;
    }
}
