package org.kepu.identity.web;

import org.kepu.identity.internal.AccountAdmin;
import org.kepu.identity.internal.AccountQueries;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security admin's page: the security settings in force and the accounts locked right now, to unlock. */
@Controller
class LockedAccountsController {

    private final AccountQueries queries;
    private final AccountAdmin admin;
    private final MessageSource messages;

    LockedAccountsController(AccountQueries queries, AccountAdmin admin, MessageSource messages) {
        this.queries = queries;
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping("/admin/security")
    String locked(Model model) {
        model.addAttribute("locked", queries.locked());
        return "identity/security";
    }

    @PostMapping("/admin/security/locked/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        admin.unlock(id);
        redirect.addFlashAttribute("flash", messages.getMessage("account.unlocked", null, PageContext.LOCALE));
        return "redirect:/admin/security";
    }
}
