package org.kepu.identity.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kepu.identity.internal.AccountAdmin;
import org.kepu.identity.internal.AccountForm;
import org.kepu.identity.internal.AccountQueries;
import org.kepu.identity.internal.AccountView;
import org.kepu.shared.BadRequestException;
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

/** Account administration for the system admin: list, search, create, edit, disable/enable, unlock, reset. */
@Controller
class UserAdminController {

    private final AccountQueries queries;
    private final AccountAdmin admin;
    private final MessageSource messages;

    UserAdminController(AccountQueries queries, AccountAdmin admin, MessageSource messages) {
        this.queries = queries;
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
            @RequestParam(required = false) Integer page, Model model) {
        var result = queries.search(q, role, page, 50);
        Map<Long, String> scopes = new LinkedHashMap<>();
        result.rows().forEach(a -> scopes.put(a.id(), queries.scopeLabel(a)));
        model.addAttribute("result", result);
        model.addAttribute("scopes", scopes);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("pageQuery", "q=" + java.net.URLEncoder.encode(q == null ? "" : q,
                java.nio.charset.StandardCharsets.UTF_8) + "&role=" + (role == null ? "" : role.name()));
        model.addAttribute("role", role);
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("clock", queries.clock());
        return "identity/users";
    }

    @GetMapping("/admin/users/new")
    String createForm(Model model) {
        return form(model, null, AccountForm.empty(), null);
    }

    @PostMapping("/admin/users")
    String create(AccountForm form, Model model, RedirectAttributes redirect) {
        try {
            var created = admin.create(form);
            redirect.addFlashAttribute("oneTimePassword", created.password());
            redirect.addFlashAttribute("flash", text("account.created", created.username()));
            return "redirect:/admin/users/" + created.id();
        } catch (BadRequestException e) {
            return form(model, null, form, text(e.messageKey(), e.args()));
        }
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable long id, Model model) {
        AccountView account = queries.require(id);
        model.addAttribute("account", account);
        model.addAttribute("scopeLabel", queries.scopeLabel(account));
        model.addAttribute("clock", queries.clock());
        return "identity/user";
    }

    @GetMapping("/admin/users/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        AccountView account = queries.require(id);
        return form(model, account, AccountForm.of(account), null);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, AccountForm form, Model model, RedirectAttributes redirect) {
        try {
            admin.update(id, form);
            redirect.addFlashAttribute("flash", text("account.saved"));
            return "redirect:/admin/users/" + id;
        } catch (BadRequestException e) {
            return form(model, queries.require(id), form, text(e.messageKey(), e.args()));
        }
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        admin.setEnabled(id, true);
        redirect.addFlashAttribute("flash", text("account.enabledDone"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        admin.setEnabled(id, false);
        redirect.addFlashAttribute("flash", text("account.disabledDone"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        admin.unlock(id);
        redirect.addFlashAttribute("flash", text("account.unlocked"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/reset-password")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        String password = admin.resetPassword(id);
        redirect.addFlashAttribute("oneTimePassword", password);
        redirect.addFlashAttribute("flash", text("account.passwordReset"));
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model, AccountView account, AccountForm form, String error) {
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("units", queries.selectableUnits());
        return "identity/user-form";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
