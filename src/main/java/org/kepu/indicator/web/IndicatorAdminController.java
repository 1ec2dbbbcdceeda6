package org.kepu.indicator.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kepu.indicator.Indicator;
import org.kepu.indicator.IndicatorService;
import org.kepu.indicator.internal.IndicatorCommands;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KepuException;
import org.kepu.shared.Role;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 指标管理: the office admin's list of indicator definitions and their form (create, edit, delete). */
@Controller
class IndicatorAdminController {

    static final String MANAGE = "indicator/manage";
    static final String FORM = "indicator/form";

    private final IndicatorService indicators;
    private final IndicatorCommands commands;
    private final MessageSource messages;

    IndicatorAdminController(IndicatorService indicators, IndicatorCommands commands, MessageSource messages) {
        this.indicators = indicators;
        this.commands = commands;
        this.messages = messages;
    }

    @GetMapping("/indicators/manage")
    String manage(Model model) {
        requireOffice();
        model.addAttribute("indicators", indicators.listAll());
        return MANAGE;
    }

    @GetMapping("/indicators/new")
    String newForm(Model model) {
        requireOffice();
        return form(model, null, IndicatorForm.empty(), null);
    }

    @PostMapping("/indicators")
    String create(IndicatorForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = requireOffice();
        try {
            long id = commands.create(user, form.toData());
            redirect.addFlashAttribute("flash", text("indicator.created", form.name().strip()));
            return "redirect:/indicators/" + id;
        } catch (BadRequestException e) {
            response.setStatus(400);
            return form(model, null, form, text(e));
        }
    }

    @GetMapping("/indicators/{id:\\d+}/edit")
    String edit(@PathVariable long id, Model model) {
        requireOffice();
        Indicator i = indicators.get(id);
        return form(model, i, IndicatorForm.of(i), null);
    }

    @PostMapping("/indicators/{id:\\d+}/edit")
    String update(@PathVariable long id, IndicatorForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = requireOffice();
        Indicator before = indicators.get(id);
        try {
            if (form.version() == null) {
                throw new BadRequestException("indicator.error.version");
            }
            commands.update(user, id, form.version(), form.toData());
            redirect.addFlashAttribute("flash", text("indicator.saved", form.name().strip()));
            return "redirect:/indicators/" + id;
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return form(model, before, form, text(e));
        }
    }

    @PostMapping("/indicators/{id:\\d+}/delete")
    String delete(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = requireOffice();
        Indicator before = indicators.get(id);
        try {
            commands.delete(user, id, version);
            redirect.addFlashAttribute("flash", text("indicator.deleted", before.name()));
            return "redirect:/indicators/manage";
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return form(model, before, IndicatorForm.of(before), text(e));
        }
    }

    private String form(Model model, Indicator indicator, IndicatorForm form, String error) {
        model.addAttribute("indicator", indicator);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return FORM;
    }

    static CurrentUser requireOffice() {
        CurrentUser user = CurrentUsers.require();
        if (!user.is(Role.OFFICE_ADMIN)) {
            throw new ForbiddenException("error.forbidden");
        }
        return user;
    }

    private String text(KepuException e) {
        return text(e.messageKey(), e.args());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
