package org.kepu.plan.progress.web;

import org.kepu.plan.ProgressService;
import org.kepu.plan.progress.EvidenceLinks;
import org.kepu.plan.progress.ProgressReport;
import org.kepu.plan.progress.ReportAccess;
import org.kepu.plan.progress.ReportCommands;
import org.kepu.plan.progress.ReportReads;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One quarterly report: read it; the unit submits it; the office accepts it or returns it with a reason. */
@Controller
class ReportController {

    static final String DETAIL = "plan/progress/report";

    private final ReportReads reads;
    private final ReportCommands commands;
    private final EvidenceLinks evidence;
    private final ProgressService progress;
    private final MessageSource messages;

    ReportController(ReportReads reads, ReportCommands commands, EvidenceLinks evidence, ProgressService progress,
            MessageSource messages) {
        this.reads = reads;
        this.commands = commands;
        this.evidence = evidence;
        this.progress = progress;
        this.messages = messages;
    }

    @GetMapping("/progress/reports/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        ProgressReport r = reads.get(user, id);
        model.addAttribute("report", r);
        model.addAttribute("activities", evidence.titles(r.activityIds()));
        model.addAttribute("canEdit", ReportAccess.canEdit(user, r.unitId()) && r.state().editable());
        model.addAttribute("canReview", ReportAccess.canReview(user, r.divisionPath())
                && r.state() == org.kepu.plan.ReportState.SUBMITTED);
        model.addAttribute("today", progress.today());
        return DETAIL;
    }

    @PostMapping("/progress/reports/{id:\\d+}/submit")
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, redirect, "progress.submitted", () -> commands.submit(CurrentUsers.require(), id, version));
    }

    @PostMapping("/progress/reports/{id:\\d+}/accept")
    String accept(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String next,
            RedirectAttributes redirect) {
        String to = act(id, redirect, "progress.accepted", () -> commands.accept(CurrentUsers.require(), id, version));
        return "queue".equals(next) ? "redirect:/progress/review" : to;
    }

    @PostMapping("/progress/reports/{id:\\d+}/return")
    String returnToUnit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String next, RedirectAttributes redirect) {
        String to = act(id, redirect, "progress.returned",
                () -> commands.returnToUnit(CurrentUsers.require(), id, version, reason));
        return "queue".equals(next) && !redirect.getFlashAttributes().containsKey("error") ? "redirect:/progress/review"
                : to;
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", Pages.text(messages, done));
        } catch (BadRequestException | ConflictException e) {
            redirect.addFlashAttribute("error", Pages.text(messages, e.messageKey(), e.args()));
        }
        return "redirect:/progress/reports/" + id;
    }
}
