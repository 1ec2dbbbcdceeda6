package org.kepu.plan.progress.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kepu.activity.ActivityFilter;
import org.kepu.activity.ActivityService;
import org.kepu.organization.MemberUnitRef;
import org.kepu.plan.ProgressService;
import org.kepu.plan.progress.AnnualReport;
import org.kepu.plan.progress.AnnualReports;
import org.kepu.plan.progress.EvidenceLinks;
import org.kepu.plan.progress.ProgressProperties;
import org.kepu.plan.progress.ReportAccess;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Annual implementation reports: the unit's form, one report's page with the office's review, the year's list. */
@Controller
class AnnualController {

    static final String FORM = "plan/progress/annual-form";
    static final String DETAIL = "plan/progress/annual";
    static final String LIST = "plan/progress/annual-list";

    private final AnnualReports annual;
    private final EvidenceLinks evidence;
    private final ActivityService activities;
    private final ProgressService progress;
    private final ProgressProperties props;
    private final MessageSource messages;

    AnnualController(AnnualReports annual, EvidenceLinks evidence, ActivityService activities,
            ProgressService progress, ProgressProperties props, MessageSource messages) {
        this.annual = annual;
        this.evidence = evidence;
        this.activities = activities;
        this.progress = progress;
        this.props = props;
        this.messages = messages;
    }

    @GetMapping("/progress/annual/my")
    String my(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = unit();
        int y = year(year);
        AnnualReport r = annual.find(user.scope().unitId(), y).orElse(null);
        if (r != null && !r.state().editable()) {
            return "redirect:/progress/annual/" + r.id();
        }
        return form(model, y, r, r == null ? "" : r.body(), r == null ? List.of() : r.activityIds(),
                r == null ? null : r.version(), null);
    }

    @PostMapping("/progress/annual/my")
    String save(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = unit();
        String ys = params.getFirst("year");
        int y = year(ys != null && ys.matches("\\d{4}") ? Integer.valueOf(ys) : null);
        String body = params.getFirst("body");
        List<Long> ids = new ArrayList<>();
        for (String s : params.getOrDefault("activity", List.of())) {
            if (s != null && s.matches("\\d{1,18}")) {
                ids.add(Long.valueOf(s));
            }
        }
        String v = params.getFirst("version");
        Integer version = v != null && v.matches("\\d{1,9}") ? Integer.valueOf(v) : null;
        boolean submit = "submit".equals(params.getFirst("action"));
        try {
            long id = annual.save(user, y, body, ids, version, submit);
            redirect.addFlashAttribute("flash", Pages.text(messages, submit ? "progress.submitted" : "progress.saved"));
            return submit ? "redirect:/progress/annual/" + id : "redirect:/progress/annual/my?year=" + y;
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            AnnualReport r = annual.find(user.scope().unitId(), y).orElse(null);
            return form(model, y, r, body, ids, version, Pages.text(messages, e.messageKey(), e.args()));
        }
    }

    @GetMapping("/progress/annual/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        AnnualReport r = annual.get(user, id);
        model.addAttribute("report", r);
        model.addAttribute("activities", evidence.titles(r.activityIds()));
        model.addAttribute("canEdit", ReportAccess.canEdit(user, r.unitId()) && r.state().editable());
        model.addAttribute("canReview", ReportAccess.canReview(user, r.divisionPath())
                && r.state() == org.kepu.plan.ReportState.SUBMITTED);
        model.addAttribute("today", progress.today());
        return DETAIL;
    }

    @PostMapping("/progress/annual/{id:\\d+}/accept")
    String accept(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, redirect, "progress.accepted", () -> annual.accept(CurrentUsers.require(), id, version));
    }

    @PostMapping("/progress/annual/{id:\\d+}/return")
    String returnToUnit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, "progress.returned",
                () -> annual.returnToUnit(CurrentUsers.require(), id, version, reason));
    }

    @PostMapping("/progress/annual/{id:\\d+}/submit")
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, redirect, "progress.submitted", () -> annual.submit(CurrentUsers.require(), id, version));
    }

    /** Which units owe the year's annual report and where each stands (office, leaders, evaluators). */
    @GetMapping("/progress/annual")
    String list(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        if (ReportAccess.isUnit(user)) {
            return "redirect:/progress/annual/my" + (year == null ? "" : "?year=" + year);
        }
        int y = year(year);
        List<MemberUnitRef> owing = annual.unitsOwing(user);
        Map<Long, AnnualReport> byUnit = new HashMap<>();
        for (AnnualReport r : annual.list(user, y, null)) {
            byUnit.put(r.unitId(), r);
        }
        model.addAttribute("year", y);
        model.addAttribute("due", props.annualDue(y));
        model.addAttribute("units", owing);
        model.addAttribute("reports", byUnit);
        model.addAttribute("today", progress.today());
        return LIST;
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", Pages.text(messages, done));
        } catch (BadRequestException | ConflictException e) {
            redirect.addFlashAttribute("error", Pages.text(messages, e.messageKey(), e.args()));
        }
        return "redirect:/progress/annual/" + id;
    }

    private CurrentUser unit() {
        CurrentUser user = CurrentUsers.require();
        if (!ReportAccess.isUnit(user) || user.scope().unitId() == null) {
            throw new ForbiddenException("progress.error.unitOnly");
        }
        return user;
    }

    private int year(Integer year) {
        int now = progress.today().getYear();
        return year == null || year > now || year < now - 10 ? now : year;
    }

    private String form(Model model, int year, AnnualReport r, String body, List<Long> ids, Integer version,
            String error) {
        ActivityFilter filter = new ActivityFilter(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null,
                null, null, null, null, null, null, false, null, "startsAt", "desc", 1, 50);
        model.addAttribute("year", year);
        model.addAttribute("due", props.annualDue(year));
        model.addAttribute("report", r);
        model.addAttribute("body", body == null ? "" : body);
        model.addAttribute("ids", ids);
        model.addAttribute("version", version);
        model.addAttribute("linked", evidence.titles(ids));
        model.addAttribute("recent", activities.search(filter).rows().stream().filter(a -> !ids.contains(a.id()))
                .toList());
        model.addAttribute("error", error);
        model.addAttribute("today", progress.today());
        return FORM;
    }
}
