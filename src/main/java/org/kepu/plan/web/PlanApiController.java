package org.kepu.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.kepu.plan.PlanKind;
import org.kepu.plan.PlanService;
import org.kepu.plan.PlanStatus;
import org.kepu.plan.PlanSummary;
import org.kepu.plan.PlanTask;
import org.kepu.plan.ResponsibilityList;
import org.kepu.plan.TaskTarget;
import org.kepu.plan.TaskUnit;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Plans, their tasks and the units' responsibility lists over JSON, with the same scope rules as the pages. */
@RestController
@Tag(name = "plans", description = "规划、任务分解与责任清单")
class PlanApiController {

    /** A plan in lists. */
    record PlanItem(long id, PlanKind kind, String title, Integer periodStart, Integer periodEnd, String issuingBody,
            String documentNumber, LocalDate issuedOn, PlanStatus status, String divisionCode, String divisionName,
            int taskCount, int version) {

        static PlanItem of(PlanSummary p) {
            return new PlanItem(p.id(), p.kind(), p.title(), p.periodStart(), p.periodEnd(), p.issuingBody(),
                    p.documentNumber(), p.issuedOn(), p.status(), p.divisionCode(), p.divisionName(), p.taskCount(),
                    p.version());
        }
    }

    /** One page of plans. */
    record PlanPage(List<PlanItem> items, int page, int size, long total) {
    }

    /** A lead or cooperating unit of a task; {@code unitId} is null for a written name without a member unit. */
    record UnitLink(Long unitId, String name, String writtenName) {

        static UnitLink of(TaskUnit u) {
            return new UnitLink(u.unitId(), u.displayName(), u.writtenName());
        }
    }

    /** A numeric target proposed from the task's text. */
    record Target(long id, String subject, BigDecimal quantity, String unitOfMeasure, String comparator,
            Integer deadlineYear, String sentence, Long boundTargetId) {

        static Target of(TaskTarget t) {
            return new Target(t.id(), t.subject(), t.quantity(), t.unitOfMeasure(), t.comparator(), t.deadlineYear(),
                    t.sentence(), t.boundTargetId());
        }
    }

    /** A task; {@code children} is empty in the flat list. */
    record Task(long id, Long parentId, int depth, String numbering, String numberingStyle, String numberingPath,
            String title, String text, LocalDate deadline, Set<KeyGroup> keyGroups, List<UnitLink> leadUnits,
            List<UnitLink> cooperatingUnits, List<Target> targets, int version, List<Task> children) {

        static Task of(PlanTask t) {
            return new Task(t.id(), t.parentId(), t.depth(), t.numbering(), t.numberingStyle(), t.numberingPath(),
                    t.title(), t.body(), t.deadline(), t.keyGroups(),
                    t.leadUnits().stream().map(UnitLink::of).toList(),
                    t.cooperatingUnits().stream().map(UnitLink::of).toList(),
                    t.targets().stream().map(Target::of).toList(), t.version(),
                    t.children().stream().map(Task::of).toList());
        }
    }

    /** A plan with its task tree. */
    record PlanDetail(PlanItem plan, List<Task> tasks) {
    }

    /** One task in a unit's responsibility list. */
    record ResponsibilityItem(long taskId, String numberingPath, String title, String role, List<String> leadUnits,
            List<String> cooperatingUnits, LocalDate deadline, Set<KeyGroup> keyGroups) {
    }

    /** A unit's tasks in one plan. */
    record ResponsibilityPlan(PlanItem plan, List<ResponsibilityItem> items) {
    }

    /** 责任清单 of a unit. */
    record Responsibilities(long unitId, String unitName, long leadCount, long cooperatingCount,
            List<ResponsibilityPlan> plans) {

        static Responsibilities of(ResponsibilityList l) {
            return new Responsibilities(l.unit().id(), l.unit().name(), l.leadCount(), l.cooperatingCount(),
                    l.plans().stream().map(p -> new ResponsibilityPlan(PlanItem.of(p.plan()), p.items().stream()
                            .map(i -> new ResponsibilityItem(i.taskId(), i.numberingPath(), i.title(), i.role().name(),
                                    i.leadUnits(), i.cooperatingUnits(), i.deadline(), i.keyGroups()))
                            .toList())).toList());
        }
    }

    private final PlanService plans;

    PlanApiController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/plans")
    @Operation(summary = "List the plans the caller may see")
    PlanPage list(@Parameter(description = "DRAFT, IN_FORCE, CLOSED") @RequestParam(required = false) String status,
            @Parameter(description = "IMPLEMENTATION_PLAN, ANNUAL_POINTS, SPECIAL_PLAN")
            @RequestParam(required = false) String kind,
            @Parameter(description = "plans whose period covers this year") @RequestParam(required = false)
            String year, @Parameter(description = "text in title, document number or issuing body")
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PlanStatus s = PlanStatus.parse(status);
        PlanKind k = PlanKind.parse(kind);
        if (status != null && !status.isBlank() && s == null) {
            throw new BadRequestException("error.filter.bad", "status", status);
        }
        if (kind != null && !kind.isBlank() && k == null) {
            throw new BadRequestException("error.filter.bad", "kind", kind);
        }
        Integer y = null;
        if (year != null && !year.isBlank()) {
            if (!year.strip().matches("\\d{4}")) {
                throw new BadRequestException("error.filter.bad", "year", year);
            }
            y = Integer.valueOf(year.strip());
        }
        int p = PageResult.clampPage(page);
        int z = PageResult.clampSize(size);
        PageResult<PlanSummary> r = plans.list(CurrentUsers.require(), new PlanService.Filter(s, k, y, q), p, z);
        return new PlanPage(r.rows().stream().map(PlanItem::of).toList(), p, z, r.total());
    }

    @GetMapping("/api/v1/plans/{id}")
    @Operation(summary = "Get one plan with its task tree (404 outside the caller's scope)")
    PlanDetail get(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        PlanSummary plan = plans.get(user, id);
        return new PlanDetail(PlanItem.of(plan), plans.tree(user, id).stream().map(Task::of).toList());
    }

    @GetMapping("/api/v1/plans/{id}/tasks")
    @Operation(summary = "The plan's tasks in document order, flat, with parentId and depth")
    List<Task> tasks(@PathVariable long id) {
        return plans.tasks(CurrentUsers.require(), id).stream().map(Task::of).toList();
    }

    @GetMapping("/api/v1/units/{id}/responsibilities")
    @Operation(summary = "责任清单: the tasks a member unit leads or cooperates in, grouped by plan")
    Responsibilities responsibilities(@PathVariable long id,
            @Parameter(description = "include closed plans") @RequestParam(defaultValue = "false") boolean closed) {
        return Responsibilities.of(plans.tasksForUnit(CurrentUsers.require(), id, closed));
    }
}
