package org.kepu.activity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kepu.activity.ActivityDictionary;
import org.kepu.activity.DictEntry;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Scope;
import org.springframework.stereotype.Component;

/** The choices the activity pages offer a caller: dictionary entries, divisions and units in its scope. */
@Component
public class ActivityOptions {

    private final ActivityDictionary dictionary;
    private final DivisionService divisions;
    private final MemberUnitService units;

    ActivityOptions(ActivityDictionary dictionary, DivisionService divisions, MemberUnitService units) {
        this.dictionary = dictionary;
        this.divisions = divisions;
        this.units = units;
    }

    Choices forUser(CurrentUser user) {
        return new Choices(dictionary.themes(), dictionary.formats(), dictionary.labels(ActivityDictionary.THEME),
                dictionary.labels(ActivityDictionary.FORMAT), divisionOptions(user.scope()), unitOptions(user.scope()));
    }

    /** The caller's own division, then each township with its villages below it. */
    List<Option> divisionOptions(Scope scope) {
        List<Option> out = new ArrayList<>();
        if (scope.none() || scope.divisionPath() == null) {
            return out;
        }
        String path = scope.divisionPath();
        String code = path.substring(path.lastIndexOf('/') + 1);
        Division own = divisions.find(code).orElse(null);
        if (own == null) {
            return out;
        }
        out.add(new Option(own.code(), own.name(), 0));
        if (own.level() < Division.TOWNSHIP) {
            Map<String, List<Division>> villages = divisions.inSubtree(path, Division.VILLAGE).stream()
                    .collect(Collectors.groupingBy(d -> d.parentCode() == null ? "" : d.parentCode()));
            for (Division t : divisions.inSubtree(path, Division.TOWNSHIP)) {
                out.add(new Option(t.code(), t.name(), 1));
                for (Division v : villages.getOrDefault(t.code(), List.of())) {
                    out.add(new Option(v.code(), v.name(), 2));
                }
            }
        } else if (own.level() == Division.TOWNSHIP) {
            for (Division v : divisions.inSubtree(path, Division.VILLAGE)) {
                out.add(new Option(v.code(), v.name(), 1));
            }
        }
        return out;
    }

    List<Option> unitOptions(Scope scope) {
        if (scope.none() || scope.divisionPath() == null) {
            return List.of();
        }
        return units.activeUnitsFor(scope.divisionPath()).stream()
                .map(u -> new Option(Long.toString(u.id()), u.name(), 0)).toList();
    }

    /** Everything a list or form template needs to show choices and labels. */
    public record Choices(List<DictEntry> themes, List<DictEntry> formats, Map<String, String> themeLabels,
            Map<String, String> formatLabels, List<Option> divisions, List<Option> units) {

        public String theme(String code) {
            return themeLabels.getOrDefault(code, code);
        }

        public String format(String code) {
            return formatLabels.getOrDefault(code, code);
        }

        public String unit(Long id) {
            if (id == null) {
                return "";
            }
            return units.stream().filter(o -> o.value().equals(id.toString())).map(Option::label).findFirst()
                    .orElse("#" + id);
        }
    }
}
