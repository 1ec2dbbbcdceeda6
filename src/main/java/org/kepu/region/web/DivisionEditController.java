package org.kepu.region.web;

import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.region.internal.DivisionAccess;
import org.kepu.region.internal.DivisionEditor;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KepuException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Edits a division's resident population and urban/rural type. */
@Controller
class DivisionEditController {

    static final String EDIT = "region/edit";

    private final DivisionService divisions;
    private final DivisionEditor editor;
    private final MessageSource messages;

    DivisionEditController(DivisionService divisions, DivisionEditor editor, MessageSource messages) {
        this.divisions = divisions;
        this.editor = editor;
        this.messages = messages;
    }

    @GetMapping("/divisions/{code:\\d+}/edit")
    String edit(@PathVariable String code, Model model) {
        CurrentUser user = CurrentUsers.require();
        Division d = editable(user, code);
        return form(model, d, d.population() == null ? "" : d.population().toString(), d.urbanRural(), d.version(),
                null);
    }

    @PostMapping("/divisions/{code:\\d+}/edit")
    String save(@PathVariable String code, DivisionForm form, Model model, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        Division d = editable(user, code);
        String raw = form.population() == null ? "" : form.population().strip().replace(",", "");
        int version = form.version() == null ? -1 : form.version();
        Integer population = null;
        try {
            if (!raw.isEmpty()) {
                if (!raw.matches("\\d{1,9}")) {
                    throw new BadRequestException("division.error.populationFormat", form.population());
                }
                population = Integer.valueOf(raw);
            }
            Division after = editor.update(user, code, population, form.urbanRural(), version);
            redirect.addFlashAttribute("flash", text("division.edit.saved", after.name()));
            return "redirect:/divisions/" + code;
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? HttpStatus.CONFLICT.value()
                    : HttpStatus.BAD_REQUEST.value());
            return form(model, d, form.population(), form.urbanRural(), version, text(e));
        }
    }

    private Division editable(CurrentUser user, String code) {
        Division d = divisions.require(code);
        if (!DivisionAccess.canEdit(user, d.path())) {
            throw new ForbiddenException("error.forbidden");
        }
        return d;
    }

    private String form(Model model, Division d, String population, String urbanRural, int version, String error) {
        model.addAttribute("division", d);
        model.addAttribute("population", population == null ? "" : population);
        model.addAttribute("urbanRural", urbanRural);
        model.addAttribute("version", version);
        model.addAttribute("error", error);
        return EDIT;
    }

    private String text(KepuException e) {
        return text(e.messageKey(), e.args());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
