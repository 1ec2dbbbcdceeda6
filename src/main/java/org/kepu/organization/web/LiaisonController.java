package org.kepu.organization.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kepu.organization.internal.LiaisonCommands;
import org.kepu.organization.internal.LiaisonView;
import org.kepu.organization.internal.UnitDetail;
import org.kepu.organization.internal.UnitQueries;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KepuException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A unit's liaisons: add, edit, remove (office admin in scope, or the unit's own liaison/head). */
@Controller
class LiaisonController {

    static final String FORM = "organization/liaison";

    private final UnitQueries queries;
    private final LiaisonCommands commands;
    private final MessageSource messages;

    LiaisonController(UnitQueries queries, LiaisonCommands commands, MessageSource messages) {
        this.queries = queries;
        this.commands = commands;
        this.messages = messages;
    }

    @GetMapping("/units/{unitId:\\d+}/liaisons/new")
    String newForm(@PathVariable long unitId, Model model) {
        UnitDetail u = managed(unitId);
        return form(model, u, null, new LiaisonForm("", "", "", "", 0, false, 0), null);
    }

    @PostMapping("/units/{unitId:\\d+}/liaisons")
    String create(@PathVariable long unitId, LiaisonForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        try {
            commands.add(user, unitId, form.toData());
            redirect.addFlashAttribute("flash", text("liaison.saved", form.name().strip()));
            return "redirect:/units/" + unitId;
        } catch (BadRequestException e) {
            response.setStatus(400);
            return form(model, managed(unitId), null, form, text(e));
        }
    }

    @GetMapping("/units/{unitId:\\d+}/liaisons/{id:\\d+}/edit")
    String edit(@PathVariable long unitId, @PathVariable long id, Model model) {
        UnitDetail u = managed(unitId);
        LiaisonView l = liaison(u, id);
        return form(model, u, l, new LiaisonForm(l.name(), l.post(), "", l.email(), l.sortOrder(), false,
                l.version()), null);
    }

    @PostMapping("/units/{unitId:\\d+}/liaisons/{id:\\d+}/edit")
    String update(@PathVariable long unitId, @PathVariable long id, LiaisonForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        try {
            commands.update(user, unitId, id, form.toData(), form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("flash", text("liaison.saved", form.name().strip()));
            return "redirect:/units/" + unitId;
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            UnitDetail u = managed(unitId);
            return form(model, u, liaison(u, id), form, text(e));
        }
    }

    @PostMapping("/units/{unitId:\\d+}/liaisons/{id:\\d+}/delete")
    String delete(@PathVariable long unitId, @PathVariable long id, RedirectAttributes redirect) {
        UnitDetail u = managed(unitId);
        LiaisonView l = liaison(u, id);
        commands.delete(CurrentUsers.require(), unitId, id);
        redirect.addFlashAttribute("flash", text("liaison.deleted", l.name()));
        return "redirect:/units/" + unitId;
    }

    private UnitDetail managed(long unitId) {
        CurrentUser user = CurrentUsers.require();
        UnitDetail u = queries.detail(user, unitId);
        if (!u.canManageLiaisons()) {
            throw new ForbiddenException("error.forbidden");
        }
        return u;
    }

    private static LiaisonView liaison(UnitDetail u, long id) {
        return u.liaisons().stream().filter(l -> l.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private String form(Model model, UnitDetail unit, LiaisonView liaison, LiaisonForm form, String error) {
        model.addAttribute("unit", unit);
        model.addAttribute("liaison", liaison);
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
