package org.kepu.plan.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kepu.organization.ActionRole;
import org.kepu.plan.PlanTask;
import org.kepu.plan.TaskUnit;
import org.kepu.plan.internal.TaskData;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.KeyGroup;
import org.springframework.util.MultiValueMap;

/**
 * The task form as typed: the fields, the role chosen for each unit in the picker ({@code role-<unitId>} = LEAD or
 * COOPERATING), the written names without a unit to keep ({@code keep} = link ids), and the version read.
 */
public record TaskForm(String parentId, String numbering, String title, String body, String deadline,
        Set<String> keyGroups, Map<Long, String> roles, Set<Long> keep, Integer version) {

    static TaskForm empty(Long parentId) {
        return new TaskForm(parentId == null ? "" : parentId.toString(), "", "", "", "", Set.of(), Map.of(),
                Set.of(), 0);
    }

    static TaskForm of(PlanTask t) {
        Map<Long, String> roles = new LinkedHashMap<>();
        Set<Long> keep = new LinkedHashSet<>();
        for (TaskUnit u : t.units()) {
            if (u.unitId() != null) {
                roles.putIfAbsent(u.unitId(), u.role().name());
            } else {
                keep.add(u.id());
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        t.keyGroups().forEach(g -> groups.add(g.name()));
        return new TaskForm(t.parentId() == null ? "" : t.parentId().toString(), t.numbering(), t.title(),
                t.body() == null ? "" : t.body(), t.deadline() == null ? "" : t.deadline().toString(), groups, roles,
                keep, t.version());
    }

    static TaskForm from(MultiValueMap<String, String> p) {
        Map<Long, String> roles = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (k.startsWith("role-") && k.substring(5).matches("\\d{1,18}") && !v.isEmpty()) {
                String r = v.get(0);
                if ("LEAD".equals(r) || "COOPERATING".equals(r)) {
                    roles.put(Long.valueOf(k.substring(5)), r);
                }
            }
        });
        Set<Long> keep = new LinkedHashSet<>();
        for (String s : p.getOrDefault("keep", List.of())) {
            if (s.matches("\\d{1,18}")) {
                keep.add(Long.valueOf(s));
            }
        }
        String v = p.getFirst("version");
        return new TaskForm(nz(p.getFirst("parentId")), nz(p.getFirst("numbering")), nz(p.getFirst("title")),
                nz(p.getFirst("body")), nz(p.getFirst("deadline")),
                new LinkedHashSet<>(p.getOrDefault("keyGroups", List.of())), roles, keep,
                v != null && v.matches("\\d{1,9}") ? Integer.valueOf(v) : null);
    }

    public String role(long unitId) {
        return roles.getOrDefault(unitId, "");
    }

    public boolean hasGroup(KeyGroup g) {
        return keyGroups.contains(g.name());
    }

    TaskData toData() {
        Long parent = null;
        if (!parentId.isBlank()) {
            if (!parentId.strip().matches("\\d{1,18}")) {
                throw new BadRequestException("task.error.parent");
            }
            parent = Long.valueOf(parentId.strip());
        }
        LocalDate d = null;
        if (!deadline.isBlank()) {
            try {
                d = LocalDate.parse(deadline.strip());
            } catch (DateTimeParseException e) {
                throw new BadRequestException("task.error.deadline");
            }
        }
        Set<KeyGroup> groups = EnumSet.noneOf(KeyGroup.class);
        for (String g : keyGroups) {
            try {
                groups.add(KeyGroup.valueOf(g));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("task.error.keyGroup");
            }
        }
        List<Long> lead = new ArrayList<>();
        List<Long> coop = new ArrayList<>();
        roles.forEach((id, r) -> (ActionRole.LEAD.name().equals(r) ? lead : coop).add(id));
        return new TaskData(parent, numbering, title, body, d, groups, lead, coop, keep);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
