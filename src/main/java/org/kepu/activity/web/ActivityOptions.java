package org.kepu.activity.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kepu.activity.ActivityDictionary;
import org.kepu.activity.DictEntry;
import org.kepu.organization.MemberUnitService;
import org.kepu.region.Division;
import org.kepu.region.DivisionService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.ReferenceDataChanged;
import org.kepu.shared.Scope;
import org.kepu.shared.web.SelectOptions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** The choices the activity pages offer a caller: dictionary entries, divisions and units in its scope. */
@Component
public class ActivityOptions {

    private final ActivityDictionary dictionary;
    private final DivisionService divisions;
    private final MemberUnitService units;

    static final Duration TTL = org.kepu.shared.NameCache.TTL; // the same window as the names on list pages
    private static final int MAX_CACHED_SCOPES = 5_000;

    private final Map<Scope, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Choices choices, long loadedAt) {
    }

    ActivityOptions(ActivityDictionary dictionary, DivisionService divisions, MemberUnitService units) {
        this.dictionary = dictionary;
        this.divisions = divisions;
        this.units = units;
    }

    /**
     * The choices for the caller's scope. They are kept for {@link #TTL} per scope, because every list and form
     * view needs them and they hardly ever change: this node drops them as soon as a division, unit or dictionary
     * entry changes ({@link ReferenceDataChanged}); other nodes of a cluster show the change within {@link #TTL}.
     */
    Choices forUser(CurrentUser user) {
        long now = System.nanoTime();
        Cached c = cache.get(user.scope());
        if (c != null && now - c.loadedAt() < TTL.toNanos()) {
            return c.choices();
        }
        if (cache.size() > MAX_CACHED_SCOPES) {
            cache.clear();
        }
        Choices fresh = load(user);
        cache.put(user.scope(), new Cached(fresh, now));
        return fresh;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void referenceDataChanged(ReferenceDataChanged event) {
        cache.clear();
    }

    private Choices load(CurrentUser user) {
        return Choices.of(dictionary.themes(), dictionary.formats(), dictionary.labels(ActivityDictionary.THEME),
                dictionary.labels(ActivityDictionary.FORMAT), divisionOptions(user.scope()), unitOptions(user.scope()));
    }

    /**
     * The caller's own division, then the two levels below it in tree order (a county: its townships, each followed
     * by its villages; a township: its villages; a province: its cities and counties).
     */
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
        if (own.level() < Division.VILLAGE) {
            for (Division d : divisions.treeInSubtree(path, own.level() + 1,
                    Math.min(own.level() + 2, Division.VILLAGE))) {
                out.add(new Option(d.code(), d.name(), d.level() - own.level()));
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

    /**
     * Everything a list or form template needs to show choices and labels. The {@code …Select} components are the
     * same choices as pre-rendered options (the list's filter shows them on every request; see {@link SelectOptions}).
     */
    public record Choices(List<DictEntry> themes, List<DictEntry> formats, Map<String, String> themeLabels,
            Map<String, String> formatLabels, List<Option> divisions, List<Option> units,
            SelectOptions themeSelect, SelectOptions formatSelect, SelectOptions divisionSelect,
            SelectOptions unitSelect) {

        static Choices of(List<DictEntry> themes, List<DictEntry> formats, Map<String, String> themeLabels,
                Map<String, String> formatLabels, List<Option> divisions, List<Option> units) {
            return new Choices(themes, formats, themeLabels, formatLabels, divisions, units,
                    SelectOptions.of(themes, DictEntry::code, DictEntry::label),
                    SelectOptions.of(formats, DictEntry::code, DictEntry::label),
                    SelectOptions.of(divisions, Option::value, Option::indented),
                    SelectOptions.of(units, Option::value, Option::label));
        }

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
