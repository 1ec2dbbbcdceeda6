package org.kepu.indicator.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kepu.indicator.Indicator;
import org.kepu.indicator.IndicatorService;
import org.kepu.indicator.Target;
import org.kepu.indicator.TargetService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KepuException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 目标管理: targets in the caller's scope with their status; the office admin creates, edits and deletes them. */
@Controller
class TargetController {

    static final String LIST = "indicator/targets";
    static final String FORM = "indicator/target-form";

    private final TargetService targets;
    private final IndicatorService indicators;
    private final DivisionService divisions;
    private final MessageSource messages;

    TargetController(TargetService targets, IndicatorService indicators, DivisionService divisions,
            MessageSource messages) {
        this.targets = targets;
        this.indicators = indicators;
        this.divisions = divisions;
        this.messages = messages;
    }

    @GetMapping("/indicators/targets")
    String list(@RequestParam(required = false) Long indicator, @RequestParam(required = false) String division,
            Model model) {
        CurrentUser user = CurrentUsers.require();
        Division area = indicators.area(division);
        model.addAttribute("area", area);
        model.addAttribute("indicator", indicator);
        model.addAttribute("indicators", indicators.listAll());
        model.addAttribute("progress", targets.progress(targets.list(indicator, area.code())));
        model.addAttribute("canManage", user.is(org.kepu.shared.Role.OFFICE_ADMIN) && user.scope().unitId() == null);
        model.addAttribute("unitScope", user.scope().unitId() != null);
        return LIST;
    }

    @GetMapping("/indicators/targets/new")
    String newForm(@RequestParam(required = false) Long indicator, @RequestParam(required = false) String division,
            Model model) {
        IndicatorAdminController.requireOffice();
        String d = division == null || division.isBlank() ? indicators.area(null).code() : division;
        return form(model, null, new TargetForm(indicator == null ? "" : indicator.toString(), d, "AT_LEAST", "",
                LocalDate.of(targets.today().getYear(), 12, 31).toString(), "", "", "", 0), null);
    }

    @PostMapping("/indicators/targets")
    String create(TargetForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IndicatorAdminController.requireOffice();
        try {
            Target t = targets.create(form.toInput());
            redirect.addFlashAttribute("flash", text("indicator.target.created"));
            return "redirect:/indicators/targets?division=" + t.divisionCode();
        } catch (BadRequestException e) {
            response.setStatus(400);
            return form(model, null, form, text(e));
        }
    }

    @GetMapping("/indicators/targets/{id:\\d+}/edit")
    String edit(@PathVariable long id, Model model) {
        Target t = targets.get(id);
        if (!targets.canManage(t)) {
            throw new ForbiddenException("error.forbidden");
        }
        return form(model, t, TargetForm.of(t), null);
    }

    @PostMapping("/indicators/targets/{id:\\d+}/edit")
    String update(@PathVariable long id, TargetForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Target before = targets.get(id);
        try {
            if (form.version() == null) {
                throw new BadRequestException("indicator.error.version");
            }
            Target t = targets.update(id, form.version(), form.toInput());
            redirect.addFlashAttribute("flash", text("indicator.target.saved"));
            return "redirect:/indicators/targets?division=" + t.divisionCode();
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return form(model, before, form, text(e));
        }
    }

    @PostMapping("/indicators/targets/{id:\\d+}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        Target before = targets.get(id);
        targets.delete(id, version);
        redirect.addFlashAttribute("flash", text("indicator.target.deleted"));
        return "redirect:/indicators/targets?division=" + before.divisionCode();
    }

    private String form(Model model, Target target, TargetForm form, String error) {
        CurrentUser user = IndicatorAdminController.requireOffice();
        model.addAttribute("target", target);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        List<Indicator> list = indicators.listAll();
        model.addAttribute("indicators", list);
        model.addAttribute("divisions", divisionOptions(user));
        return FORM;
    }

    /** The top of the caller's scope and two levels below it (a county's townships and villages). */
    private List<DivisionOption> divisionOptions(CurrentUser user) {
        Division top = indicators.area(null);
        List<DivisionOption> out = new ArrayList<>();
        out.add(new DivisionOption(top.code(), top.name(), 0));
        for (Division child : divisions.children(top.code())) {
            out.add(new DivisionOption(child.code(), child.name(), 1));
            if (top.level() <= 3) {
                for (Division grandchild : divisions.children(child.code())) {
                    out.add(new DivisionOption(grandchild.code(), grandchild.name(), 2));
                }
            }
        }
        return out;
    }

    private String text(KepuException e) {
        return text(e.messageKey(), e.args());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
