package org.kepu.identity.web;

import java.time.LocalDate;
import org.kepu.identity.internal.ApiTokens;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The caller's own API tokens: create (shown once), list, revoke. */
@Controller
class TokenController {

    record TokenForm(String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) {
    }

    private final ApiTokens tokens;
    private final MessageSource messages;
    private final java.time.Clock clock;

    TokenController(ApiTokens tokens, MessageSource messages, java.time.Clock clock) {
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/account/tokens")
    String list(Model model) {
        return page(model, CurrentUsers.require(), null, null);
    }

    @PostMapping("/account/tokens")
    String create(TokenForm form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            var created = tokens.create(user, form.name(), form.expiresOn());
            redirect.addFlashAttribute("newToken", created.token());
            redirect.addFlashAttribute("newTokenName", created.name());
            return "redirect:/account/tokens";
        } catch (BadRequestException e) {
            return page(model, user, messages.getMessage(e.messageKey(), e.args(), PageContext.LOCALE), form);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(CurrentUsers.require(), id);
        redirect.addFlashAttribute("flash", messages.getMessage("token.revoked", null, PageContext.LOCALE));
        return "redirect:/account/tokens";
    }

    private String page(Model model, CurrentUser user, String error, TokenForm form) {
        model.addAttribute("tokens", tokens.list(user));
        model.addAttribute("now", clock.instant());
        model.addAttribute("error", error);
        model.addAttribute("formName", form == null || form.name() == null ? "" : form.name());
        model.addAttribute("allowed", !user.role().platformAdmin());
        return "identity/tokens";
    }
}
