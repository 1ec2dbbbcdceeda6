package org.kepu.plan.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.kepu.organization.MemberUnitRef;
import org.kepu.organization.MemberUnitService;
import org.kepu.plan.Quarter;
import org.kepu.plan.ReportState;
import org.kepu.plan.TaskProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: progress reports of the member units on the demo plan (seed 004, imported by DemoPlans), relative to
 * today so the pages always have something current: the quarter before last mostly reported and accepted; the last
 * ended quarter (the one being reported now) partly accepted, partly waiting for review, some returned with a
 * reason, some drafts and some missing (overdue once its due date has passed); the demo liaison's unit has one of
 * each. Annual reports: last year's from most units, this year's from a few. Runs once, when the plan has no
 * reports yet.
 */
@Component
@Profile("demo")
@Order(310)
class DemoProgress implements ApplicationRunner {

    static final String COUNTY = "360734";

    private static final Logger LOG = LoggerFactory.getLogger(DemoProgress.class);

    private static final String[] ON_TRACK = {
        "本季度围绕该项任务组织开展科普讲座、科普展览和进村入户宣传，活动按年度计划推进，群众参与积极。",
        "结合全国科普日、科技活动周等节点开展主题活动，联合乡镇科协和学校共同组织，工作按计划推进。",
        "已制定年度工作方案并分解到股室，本季度完成阶段性工作，相关台账和影像资料已整理归档。",
    };
    private static final String[] BEHIND = {
        "受农忙季节和场地安排影响，部分计划中的培训推迟举办，进度略有滞后，下季度将集中补齐。",
        "项目经费尚未全部到位，部分科普设施建设进度滞后，已向县纲要办报告并协调解决。",
    };
    private static final String DONE = "该项任务已按实施方案要求全部完成，总结材料和佐证资料已报县纲要办备案。";
    private static final String[] REASONS = {
        "请补充活动的参加人数和照片等佐证材料。",
        "进展情况过于简单，请写明本季度具体做了哪些工作、取得了什么成效。",
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MemberUnitService units;

    DemoProgress(JdbcClient jdbc, TransactionTemplate tx, Clock clock, MemberUnitService units) {
        this.jdbc = jdbc;
        this.units = units;
        this.tx = tx;
        this.clock = clock;
    }

    record Link(long planId, String path, long taskId, long unitId) {
    }

    @Override
    public void run(ApplicationArguments args) {
        Long planId = jdbc.sql("""
                select id from plan where division_code = :c and status = 'IN_FORCE' order by id limit 1
                """).param("c", COUNTY).query(Long.class).optional().orElse(null);
        if (planId == null) {
            return;
        }
        long existing = jdbc.sql("select count(*) from progress_report where plan_id = :p").param("p", planId)
                .query(Long.class).single();
        if (existing > 0) {
            return;
        }
        List<Link> links = jdbc.sql("""
                select t.plan_id, p.division_path, u.task_id, u.unit_id
                from plan_task_unit u join plan_task t on t.id = u.task_id join plan p on p.id = t.plan_id
                where t.plan_id = :p and u.unit_id is not null order by t.sort_order, t.id, u.sort_order
                """).param("p", planId).query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4))).list();
        Long liaisonUnit = jdbc.sql("select unit_id from app_user where username = 'liaison'").query(Long.class)
                .optional().orElse(null);
        Long officeId = jdbc.sql("select id from app_user where username = 'office'").query(Long.class).optional()
                .orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(ReportCommands.ZONE));
        Quarter now = Quarter.reportingOn(today);
        Quarter before = now.previous();
        int[] count = new int[1];
        tx.executeWithoutResult(st -> {
            int liaisonSeen = 0;
            for (Link l : links) {
                int h = Math.floorMod((int) (l.taskId() * 31 + l.unitId() * 17), 100);
                boolean liaison = liaisonUnit != null && liaisonUnit == l.unitId();
                // The quarter before: 85 % reported and accepted.
                TaskProgress earlier = h < 8 ? TaskProgress.DONE : h < 20 ? TaskProgress.BEHIND : TaskProgress.ON_TRACK;
                if (h < 85 || liaison) {
                    insert(l, before, earlier, ReportState.ACCEPTED, null, h, officeId);
                    count[0]++;
                }
                if (earlier == TaskProgress.DONE && (h < 85 || liaison)) {
                    continue;
                }
                ReportState state;
                if (liaison) {
                    state = switch (liaisonSeen++) {
                        case 0 -> ReportState.RETURNED;
                        case 1 -> ReportState.SUBMITTED;
                        case 2 -> ReportState.ACCEPTED;
                        case 3 -> ReportState.DRAFT;
                        default -> null;
                    };
                } else {
                    // About one unit in three has everything in; the others have a few returned, drafts or gaps.
                    boolean complete = l.unitId() % 3 == 0;
                    state = h < 50 ? ReportState.ACCEPTED : h < 72 ? ReportState.SUBMITTED
                            : complete ? ReportState.ACCEPTED : h < 77 ? ReportState.RETURNED
                            : h < 81 ? ReportState.DRAFT : null;
                }
                if (state != null) {
                    TaskProgress p = h % 9 == 0 ? TaskProgress.DONE : h % 5 == 0 ? TaskProgress.BEHIND
                            : TaskProgress.ON_TRACK;
                    insert(l, now, p, state, state == ReportState.RETURNED ? REASONS[h % REASONS.length] : null, h,
                            officeId);
                    count[0]++;
                }
            }
            annual(today.getYear() - 1, links, officeId, true);
            annual(today.getYear(), links, officeId, false);
        });
        LOG.info("Demo progress reports: {} quarterly reports for {} and {}", count[0], before, now);
    }

    private void insert(Link l, Quarter q, TaskProgress p, ReportState state, String reason, int h, Long officeId) {
        String body = switch (p) {
            case DONE -> DONE;
            case BEHIND -> BEHIND[h % BEHIND.length];
            default -> ON_TRACK[h % ON_TRACK.length];
        };
        if (state == ReportState.RETURNED) {
            body = "本季度按计划开展了相关工作。";
        }
        int events = 2 + h % 6;
        String figures = "[{\"label\":\"开展科普活动\",\"quantity\":" + events + ",\"unit\":\"场\"},"
                + "{\"label\":\"受众\",\"quantity\":" + (events * 120 + h * 7) + ",\"unit\":\"人次\"}]";
        OffsetDateTime submitted = state == ReportState.DRAFT ? null
                : q.lastDay().plusDays(3 + h % 6).atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
        OffsetDateTime reviewed = state == ReportState.ACCEPTED || state == ReportState.RETURNED
                ? submitted.plusDays(2) : null;
        jdbc.sql("""
                insert into progress_report (plan_id, task_id, unit_id, division_path, year, quarter, progress, body,
                    figures, state, return_reason, submitted_at, reviewed_at, reviewed_by)
                values (:plan, :task, :unit, :path, :y, :q, :p, :body, cast(:fig as jsonb), :state, :reason,
                    :submitted, :reviewed, :by)
                on conflict do nothing
                """).param("plan", l.planId()).param("task", l.taskId()).param("unit", l.unitId())
                .param("path", l.path()).param("y", q.year()).param("q", q.quarter()).param("p", p.name())
                .param("body", body).param("fig", figures).param("state", state.name()).param("reason", reason)
                .param("submitted", submitted).param("reviewed", reviewed)
                .param("by", reviewed == null ? null : officeId).update();
    }

    private void annual(int year, List<Link> links, Long officeId, boolean lastYear) {
        List<Long> ids = new ArrayList<>(links.stream().map(Link::unitId).distinct().sorted().toList());
        for (int i = 0; i < ids.size(); i++) {
            long unit = ids.get(i);
            ReportState state = lastYear ? (i % 7 == 6 ? null : ReportState.ACCEPTED)
                    : i % 5 == 0 ? ReportState.SUBMITTED : i % 5 == 1 ? ReportState.DRAFT : null;
            if (state == null) {
                continue;
            }
            String path = units.find(unit).map(MemberUnitRef::divisionPath).orElse(null);
            if (path == null) {
                continue;
            }
            OffsetDateTime submitted = state == ReportState.DRAFT ? null
                    : LocalDate.of(year, 12, 10 + i % 8).atTime(9, 30).atOffset(ZoneOffset.ofHours(8));
            jdbc.sql("""
                    insert into progress_annual_report (unit_id, division_path, year, body, state, submitted_at,
                        reviewed_at, reviewed_by)
                    values (:u, :path, :y, :body, :state, :submitted, :reviewed, :by) on conflict do nothing
                    """).param("u", unit).param("path", path).param("y", year)
                    .param("body", year + "年，本单位认真落实《全民科学素质行动规划纲要》实施方案，围绕牵头和配合的任务开展科普活动，"
                            + "组织科普讲座、展览和培训，推动科普进社区、进农村、进学校。主要问题是经费和专业人员不足，"
                            + "下一年将加强与乡镇的协作，进一步扩大覆盖面。")
                    .param("state", state.name()).param("submitted", submitted)
                    .param("reviewed", state == ReportState.ACCEPTED ? submitted.plusDays(3) : null)
                    .param("by", state == ReportState.ACCEPTED ? officeId : null).update();
        }
    }
}
