package org.kepu.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.kepu.plan.importing.ImportState;
import org.kepu.plan.importing.PlanImportService;
import org.kepu.plan.importing.Preview;
import org.kepu.plan.internal.PlanAccess;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.KepuException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing a plan from its text: the paste/upload page, the preview (particulars, unit names, tree) with its
 * corrections, saving and discarding. The parsed text stays on the server between the steps.
 */
@Controller
class PlanImportController {

    static final String START = "plan/import";
    static final String PREVIEW = "plan/import-preview";

    private final PlanImportService imports;
    private final UploadedPlanText uploads;
    private final PlanOptions options;
    private final MessageSource messages;

    PlanImportController(PlanImportService imports, UploadedPlanText uploads, PlanOptions options,
            MessageSource messages) {
        this.imports = imports;
        this.uploads = uploads;
        this.options = options;
        this.messages = messages;
    }

    @GetMapping("/plans/import")
    String start(Model model) {
        allowed();
        model.addAttribute("error", null);
        model.addAttribute("text", "");
        return START;
    }

    @PostMapping("/plans/import")
    String upload(@RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file,
            Model model, HttpServletResponse response) {
        CurrentUser user = allowed();
        try {
            String source;
            String name;
            if (file != null && !file.isEmpty()) {
                source = uploads.read(file);
                name = file.getOriginalFilename();
            } else {
                source = text;
                name = null;
            }
            long id = imports.start(user, name, source);
            return "redirect:/plans/import/" + id;
        } catch (BadRequestException e) {
            response.setStatus(400);
            model.addAttribute("error", text(e));
            model.addAttribute("text", text == null ? "" : text);
            return START;
        }
    }

    @GetMapping("/plans/import/{id:\\d+}")
    String preview(@PathVariable long id, Model model) {
        return preview(model, allowed(), id, null);
    }

    @PostMapping("/plans/import/{id:\\d+}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params) {
        CurrentUser user = allowed();
        imports.update(user, id, version(params), corrections(params));
        return "redirect:/plans/import/" + id;
    }

    @PostMapping("/plans/import/{id:\\d+}/save")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = allowed();
        int version = imports.update(user, id, version(params), corrections(params));
        try {
            PlanImportService.Saved s = imports.save(user, id, version);
            redirect.addFlashAttribute("flash", text("import.saved", s.tasks(), s.links(), s.linked(), s.newUnits(),
                    s.aliases(), s.targets()));
            return "redirect:/plans/" + s.planId();
        } catch (BadRequestException | ForbiddenException e) {
            response.setStatus(e instanceof ForbiddenException ? 403 : 400);
            return preview(model, user, id, text(e));
        }
    }

    @PostMapping("/plans/import/{id:\\d+}/discard")
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        imports.discard(allowed(), id);
        redirect.addFlashAttribute("flash", text("import.discarded"));
        return "redirect:/plans";
    }

    private String preview(Model model, CurrentUser user, long id, String error) {
        Preview p = imports.preview(user, id);
        model.addAttribute("preview", p);
        model.addAttribute("divisions", options.divisions(user));
        model.addAttribute("error", error);
        return PREVIEW;
    }

    private static CurrentUser allowed() {
        CurrentUser user = CurrentUsers.require();
        if (!PlanAccess.canCreate(user)) {
            throw new ForbiddenException("error.forbidden");
        }
        return user;
    }

    private static int version(MultiValueMap<String, String> p) {
        String v = p.getFirst("version");
        if (v == null || !v.matches("\\d{1,9}")) {
            throw new BadRequestException("import.error.stale");
        }
        return Integer.parseInt(v);
    }

    /** The preview form: particulars, {@code action-i}/{@code unit-i}/{@code alias-i} per name, {@code include-i}. */
    static PlanImportService.Corrections corrections(MultiValueMap<String, String> p) {
        var meta = new ImportState.Meta(nz(p.getFirst("kind")), nz(p.getFirst("title")), nz(p.getFirst("periodStart")),
                nz(p.getFirst("periodEnd")), nz(p.getFirst("issuingBody")), nz(p.getFirst("documentNumber")),
                nz(p.getFirst("issuedOn")), nz(p.getFirst("divisionCode")), nz(p.getFirst("status")));
        Map<Integer, ImportState.NameChoice> choices = new LinkedHashMap<>();
        Set<Integer> included = new LinkedHashSet<>();
        Set<Integer> offered = new LinkedHashSet<>();
        p.forEach((k, v) -> {
            if (k.startsWith("action-") && k.substring(7).matches("\\d{1,6}")) {
                int i = Integer.parseInt(k.substring(7));
                String unit = p.getFirst("unit-" + i);
                Long unitId = unit != null && unit.matches("\\d{1,18}") ? Long.valueOf(unit) : null;
                choices.put(i, new ImportState.NameChoice(nz(v.get(0)), unitId, p.containsKey("alias-" + i)));
            } else if (k.startsWith("include-") && k.substring(8).matches("\\d{1,6}")) {
                included.add(Integer.parseInt(k.substring(8)));
            } else if (k.startsWith("offered-") && k.substring(8).matches("\\d{1,6}")) {
                offered.add(Integer.parseInt(k.substring(8)));
            }
        });
        Set<Integer> skipped = new LinkedHashSet<>(offered);
        skipped.removeAll(included);
        return new PlanImportService.Corrections(meta, choices, skipped);
    }

    private String text(KepuException e) {
        return text(e.messageKey(), e.args());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
