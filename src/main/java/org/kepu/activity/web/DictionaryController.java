package org.kepu.activity.web;

import org.kepu.activity.ActivityDictionary;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
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

/** The office's page to add, rename, deactivate and reactivate activity themes and formats. */
@Controller
class DictionaryController {

    static final String VIEW = "activity/dictionary";
    private static final String BACK = "redirect:/activities/dictionary";

    private final ActivityDictionary dictionary;
    private final MessageSource messages;

    DictionaryController(ActivityDictionary dictionary, MessageSource messages) {
        this.dictionary = dictionary;
        this.messages = messages;
    }

    @GetMapping("/activities/dictionary")
    String page(Model model) {
        if (!CurrentUsers.require().is(Role.OFFICE_ADMIN)) {
            throw new ForbiddenException("error.forbidden");
        }
        model.addAttribute("themes", dictionary.all(ActivityDictionary.THEME));
        model.addAttribute("formats", dictionary.all(ActivityDictionary.FORMAT));
        return VIEW;
    }

    @PostMapping("/activities/dictionary/{dict}")
    String add(@PathVariable String dict, @RequestParam String label, RedirectAttributes redirect) {
        return run(() -> dictionary.add(dict, label), redirect);
    }

    @PostMapping("/activities/dictionary/items/{id}/rename")
    String rename(@PathVariable long id, @RequestParam String label, RedirectAttributes redirect) {
        return run(() -> dictionary.rename(id, label), redirect);
    }

    @PostMapping("/activities/dictionary/items/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        return run(() -> dictionary.setActive(id, active), redirect);
    }

    private String run(Runnable change, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", text("dictionary.saved"));
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("warnings", java.util.List.of(text(e.messageKey(), e.args())));
        }
        return BACK;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
