package org.kepu.plan.web;

import java.util.ArrayList;
import java.util.List;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** The divisions a plan can belong to for a caller: their own division and the levels below it down to townships. */
@Component
class PlanOptions {

    private final DivisionService divisions;

    PlanOptions(DivisionService divisions) {
        this.divisions = divisions;
    }

    List<DivisionOption> divisions(CurrentUser user) {
        List<DivisionOption> out = new ArrayList<>();
        String path = user.scope().divisionPath();
        if (path == null || user.scope().none() || user.scope().unitId() != null) {
            return out;
        }
        Division own = divisions.find(path.substring(path.lastIndexOf('/') + 1)).orElse(null);
        if (own == null) {
            return out;
        }
        add(out, own, 0);
        return out;
    }

    private void add(List<DivisionOption> out, Division d, int depth) {
        out.add(new DivisionOption(d.code(), d.name(), depth));
        if (d.level() < Division.TOWNSHIP) {
            for (Division c : divisions.children(d.code())) {
                add(out, c, depth + 1);
            }
        }
    }
}
