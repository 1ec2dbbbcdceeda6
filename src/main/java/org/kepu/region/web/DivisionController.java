package org.kepu.region.web;

import java.util.List;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.region.internal.DivisionAccess;
import org.kepu.region.internal.DivisionBrowser;
import org.kepu.region.internal.DivisionRow;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The division tree browser: breadcrumb, facts and children of one division; rows lazily expanded by htmx. */
@Controller
class DivisionController {

    static final String TREE = "region/tree";
    static final String ROWS = "region/rows";

    private final DivisionBrowser browser;
    private final DivisionService divisions;

    DivisionController(DivisionBrowser browser, DivisionService divisions) {
        this.browser = browser;
        this.divisions = divisions;
    }

    @GetMapping("/divisions")
    String tops(Model model) {
        CurrentUser user = CurrentUsers.require();
        List<DivisionRow> tops = browser.tops(user);
        if (tops.size() == 1 && !DivisionAccess.seesAll(user)) {
            return "redirect:/divisions/" + tops.get(0).code();
        }
        model.addAttribute("current", null);
        model.addAttribute("ancestry", List.of());
        model.addAttribute("readableAncestors", List.of());
        model.addAttribute("children", tops);
        model.addAttribute("canEdit", false);
        model.addAttribute("canImport", DivisionAccess.canImport(user));
        return TREE;
    }

    @GetMapping("/divisions/{code:\\d+}")
    String show(@PathVariable String code, @RequestParam(defaultValue = "0") int depth,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        CurrentUser user = CurrentUsers.require();
        List<DivisionRow> children = browser.children(user, code);
        if (htmx != null) {
            model.addAttribute("rows", children);
            model.addAttribute("depth", Math.max(0, Math.min(depth, 4)));
            return ROWS;
        }
        DivisionRow current = browser.row(user, code);
        List<Division> ancestry = divisions.ancestry(code);
        model.addAttribute("current", current);
        model.addAttribute("ancestry", ancestry);
        model.addAttribute("readableAncestors", ancestry.stream().filter(a -> DivisionAccess.canRead(user, a))
                .map(Division::code).toList());
        model.addAttribute("children", children);
        model.addAttribute("canEdit", DivisionAccess.canEdit(user, current.path()));
        model.addAttribute("canImport", DivisionAccess.canImport(user));
        return TREE;
    }
}
