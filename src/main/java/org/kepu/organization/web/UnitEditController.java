package org.kepu.organization.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kepu.organization.internal.UnitCommands;
import org.kepu.organization.internal.UnitDetail;
import org.kepu.organization.internal.UnitQueries;
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

/** Creating, editing, deactivating and reactivating member units (office admin in scope). */
@Controller
class UnitEditController {

    static final String FORM = "organization/form";

    private final UnitQueries queries;
    private final UnitCommands commands;
    private final MessageSource messages;

    UnitEditController(UnitQueries queries, UnitCommands commands, MessageSource messages) {
        this.queries = queries;
        this.commands = commands;
        this.messages = messages;
    }

    @GetMapping("/units/new")
    String newForm(Model model) {
        CurrentUser user = CurrentUsers.require();
        if (!user.is(Role.OFFICE_ADMIN)) {
            throw new ForbiddenException("error.forbidden");
        }
        return form(model, null, UnitForm.empty(), null);
    }

    @PostMapping("/units")
    String create(UnitForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        try {
            long id = commands.create(user, form.toData());
            redirect.addFlashAttribute("flash", text("unit.created", form.name().strip()));
            return "redirect:/units/" + id;
        } catch (BadRequestException e) {
            response.setStatus(400);
            return form(model, null, form, text(e));
        }
    }

    @GetMapping("/units/{id:\\d+}/edit")
    String edit(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        UnitDetail u = queries.detail(user, id);
        if (!u.canManage()) {
            throw new ForbiddenException("error.forbidden");
        }
        var roles = u.roles();
        java.util.function.Function<org.kepu.shared.KeyGroup, String> r = g -> roles.containsKey(g)
                ? roles.get(g).name() : "";
        UnitForm f = new UnitForm(u.name(), u.shortName(), u.unitType(), u.duties(), Integer.toString(u.sortOrder()),
                u.version(), r.apply(org.kepu.shared.KeyGroup.YOUTH), r.apply(org.kepu.shared.KeyGroup.FARMER),
                r.apply(org.kepu.shared.KeyGroup.WORKER), r.apply(org.kepu.shared.KeyGroup.ELDERLY),
                r.apply(org.kepu.shared.KeyGroup.CADRE));
        return form(model, u, f, null);
    }

    @PostMapping("/units/{id:\\d+}/edit")
    String update(@PathVariable long id, UnitForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        try {
            commands.update(user, id, form.toData(), form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("flash", text("unit.saved", form.name().strip()));
            return "redirect:/units/" + id;
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return form(model, queries.detail(user, id), form, text(e));
        }
    }

    @PostMapping("/units/{id:\\d+}/deactivate")
    String deactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return setActive(id, false, version, redirect);
    }

    @PostMapping("/units/{id:\\d+}/reactivate")
    String reactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return setActive(id, true, version, redirect);
    }

    private String setActive(long id, boolean active, int version, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        commands.setActive(user, id, active, version);
        UnitDetail u = queries.detail(user, id);
        redirect.addFlashAttribute("flash", text(active ? "unit.reactivated" : "unit.deactivated", u.name()));
        return "redirect:/units/" + id;
    }

    private String form(Model model, UnitDetail unit, UnitForm form, String error) {
        model.addAttribute("unit", unit);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return FORM;
    }

    private String text(KepuException e) {
        return text(e.messageKey(), e.args());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
