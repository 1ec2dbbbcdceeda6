package org.kepu.plan.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The seed plans and small helpers to walk a parsed tree. */
final class PlanTextFixtures {

    static final String SEED_003 = "003_9e4edd6d41a7bb51.txt";
    static final String SEED_004 = "004_a13e3dfd61d84f37.txt";

    private PlanTextFixtures() {
    }

    static String seed(String name) {
        try (InputStream in = PlanTextFixtures.class.getResourceAsStream("/plan-text/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task at a path of child indexes: at(plan, 1, 0, 2) is the third child of the first child of the second item. */
    static ParsedTask at(ParsedPlan plan, int... path) {
        List<ParsedTask> level = plan.tasks();
        ParsedTask task = null;
        for (int i : path) {
            task = level.get(i);
            level = task.children();
        }
        return task;
    }

    static void walk(List<ParsedTask> tasks, Consumer<ParsedTask> visitor) {
        for (ParsedTask t : tasks) {
            visitor.accept(t);
            walk(t.children(), visitor);
        }
    }

    static List<ParsedTask> all(ParsedPlan plan) {
        List<ParsedTask> all = new ArrayList<>();
        walk(plan.tasks(), all::add);
        return all;
    }

    /** How many tasks sit on each level, outermost first. */
    static List<Integer> perLevel(List<ParsedTask> tasks) {
        List<Integer> counts = new ArrayList<>();
        count(tasks, 0, counts);
        return counts;
    }

    private static void count(List<ParsedTask> tasks, int depth, List<Integer> counts) {
        if (tasks.isEmpty()) {
            return;
        }
        if (counts.size() <= depth) {
            counts.add(0);
        }
        counts.set(depth, counts.get(depth) + tasks.size());
        for (ParsedTask t : tasks) {
            count(t.children(), depth + 1, counts);
        }
    }

    static List<String> numberings(List<ParsedTask> tasks) {
        return tasks.stream().map(ParsedTask::numbering).toList();
    }

    static List<Integer> childCounts(ParsedTask task) {
        return task.children().stream().map(t -> t.children().size()).toList();
    }
}
