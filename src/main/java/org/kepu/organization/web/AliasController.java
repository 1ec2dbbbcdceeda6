package org.kepu.organization.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kepu.organization.internal.AliasCommands;
import org.kepu.organization.internal.UnitQueries;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A unit's aliases (other names plan documents use): add and remove on the unit page (office admin in scope). */
@Controller
class AliasController {

    private final UnitQueries queries;
    private final AliasCommands commands;
    private final MessageSource messages;

    AliasController(UnitQueries queries, AliasCommands commands, MessageSource messages) {
        this.queries = queries;
        this.commands = commands;
        this.messages = messages;
    }

    @PostMapping("/units/{unitId:\\d+}/aliases")
    String add(@PathVariable long unitId, @RequestParam(defaultValue = "") String alias, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        try {
            commands.add(user, unitId, alias);
            redirect.addFlashAttribute("flash", text("alias.saved", alias.strip()));
            return "redirect:/units/" + unitId + "#aliases";
        } catch (BadRequestException e) {
            response.setStatus(400);
            model.addAttribute("unit", queries.detail(user, unitId));
            model.addAttribute("aliasError", text(e.messageKey(), e.args()));
            model.addAttribute("aliasInput", alias);
            return UnitController.DETAIL;
        }
    }

    @PostMapping("/units/{unitId:\\d+}/aliases/{id:\\d+}/delete")
    String delete(@PathVariable long unitId, @PathVariable long id, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        String alias = queries.detail(user, unitId).aliases().stream().filter(a -> a.id() == id).findFirst()
                .map(a -> a.alias()).orElse("");
        commands.delete(user, unitId, id);
        redirect.addFlashAttribute("flash", text("alias.deleted", alias));
        return "redirect:/units/" + unitId + "#aliases";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
