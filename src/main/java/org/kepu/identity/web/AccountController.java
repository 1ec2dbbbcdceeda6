package org.kepu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.kepu.identity.AccountUserDetailsService;
import org.kepu.identity.AppUserPrincipal;
import org.kepu.identity.internal.AccountQueries;
import org.kepu.identity.internal.PasswordChanges;
import org.kepu.identity.internal.PasswordPolicy;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The personal account page and the password change (also the forced change at first sign-in). */
@Controller
class AccountController {

    record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
    }

    private final AccountQueries accounts;
    private final PasswordChanges passwords;
    private final AccountUserDetailsService principals;
    private final MessageSource messages;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountController(AccountQueries accounts, PasswordChanges passwords, AccountUserDetailsService principals,
            MessageSource messages) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.principals = principals;
        this.messages = messages;
    }

    @GetMapping("/account")
    String account(Model model) {
        CurrentUser user = CurrentUsers.require();
        var account = accounts.require(user.id());
        model.addAttribute("account", account);
        model.addAttribute("scopeLabel", accounts.scopeLabel(account));
        return "identity/account";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("errors", List.of());
        model.addAttribute("forced", mustChange());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(PasswordForm form, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        List<String> errors = passwords.change(user, form.currentPassword(), form.newPassword(),
                form.confirmPassword());
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("forced", mustChange());
            model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
            response.setStatus(400);
            return "identity/password";
        }
        refreshPrincipal(user, request, response);
        redirect.addFlashAttribute("flash", messages.getMessage("password.changed", null,
                org.kepu.shared.web.PageContext.LOCALE));
        return "redirect:/account";
    }

    private static boolean mustChange() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AppUserPrincipal p && p.mustChangePassword();
    }

    /** Replaces the session's principal so that the forced-change flag (and any other change) takes effect. */
    private void refreshPrincipal(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        AppUserPrincipal fresh = principals.loadById(user.id())
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
