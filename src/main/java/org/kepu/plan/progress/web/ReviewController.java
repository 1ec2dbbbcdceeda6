package org.kepu.plan.progress.web;

import java.util.List;
import org.kepu.plan.ProgressService;
import org.kepu.plan.ReportState;
import org.kepu.plan.progress.AnnualReports;
import org.kepu.plan.progress.ReportAccess;
import org.kepu.plan.progress.ReportReads;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The office's review queue: the submitted quarterly and annual reports of its subtree, oldest first. */
@Controller
class ReviewController {

    static final String QUEUE = "plan/progress/review";

    private final ReportReads reads;
    private final AnnualReports annual;
    private final ProgressService progress;

    ReviewController(ReportReads reads, AnnualReports annual, ProgressService progress) {
        this.reads = reads;
        this.annual = annual;
        this.progress = progress;
    }

    @GetMapping("/progress/review")
    String queue(Model model) {
        CurrentUser user = CurrentUsers.require();
        if (!ReportAccess.isOffice(user)) {
            throw new ForbiddenException("progress.error.officeOnly");
        }
        var submitted = new java.util.ArrayList<>(reads.list(user,
                new ReportReads.Filter(null, null, null, null, List.of(ReportState.SUBMITTED))));
        submitted.sort(java.util.Comparator.comparing(r -> r.submittedAt() == null ? java.time.OffsetDateTime.MIN
                : r.submittedAt()));
        model.addAttribute("reports", submitted);
        model.addAttribute("annual", annual.list(user, null, List.of(ReportState.SUBMITTED)));
        model.addAttribute("today", progress.today());
        return QUEUE;
    }
}
