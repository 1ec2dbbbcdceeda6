package org.kepu.activity.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.kepu.activity.ActivityEvidenceService;
import org.kepu.activity.AttachResult;
import org.kepu.activity.EvidenceKind;
import org.kepu.activity.ReuseNotice;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Uploading evidence files to an activity (each checked on its own) and removing attachments. */
@Controller
class ActivityEvidenceController {

    private final ActivityEvidenceService evidence;
    private final MessageSource messages;

    ActivityEvidenceController(ActivityEvidenceService evidence, MessageSource messages) {
        this.evidence = evidence;
        this.messages = messages;
    }

    @PostMapping("/activities/{id}/evidence")
    String upload(@PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "PHOTO") EvidenceKind kind, RedirectAttributes redirect) {
        List<String> warnings = new ArrayList<>();
        int stored = 0;
        List<MultipartFile> given = files == null ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (given.isEmpty()) {
            warnings.add(text("evidence.error.noFile"));
        }
        for (MultipartFile file : given) {
            String name = file.getOriginalFilename();
            try {
                AttachResult r = evidence.attach(id, file.getInputStream(), name, kind);
                if (r.alreadyAttached()) {
                    warnings.add(text("activity.evidence.already", name));
                } else {
                    stored++;
                }
                if (!r.reusedIn().isEmpty()) {
                    warnings.add(text("activity.evidence.reuse", name, describe(r.reusedIn())));
                }
            } catch (BadRequestException e) {
                warnings.add(text(e.messageKey(), e.args()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (stored > 0) {
            redirect.addFlashAttribute("flash", text("activity.evidence.uploaded", stored));
        }
        redirect.addFlashAttribute("warnings", warnings);
        return "redirect:/activities/" + id + "#evidence";
    }

    @PostMapping("/activities/{id}/evidence/{evidenceId}/delete")
    String remove(@PathVariable long id, @PathVariable long evidenceId, RedirectAttributes redirect) {
        evidence.remove(id, evidenceId);
        redirect.addFlashAttribute("flash", text("activity.evidence.removed"));
        return "redirect:/activities/" + id + "#evidence";
    }

    private String describe(List<ReuseNotice> notices) {
        List<String> parts = new ArrayList<>();
        for (ReuseNotice n : notices) {
            parts.add(n.visible()
                    ? text("activity.evidence.reuseVisible", n.title(), Fmt.date(n.startsAt()), n.activityId())
                    : text("activity.evidence.reuseHidden", n.title()));
        }
        return String.join("；", parts);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
