package org.kepu.indicator.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.indicator.DataElement;
import org.kepu.indicator.FilterDimension;
import org.kepu.indicator.LedgerSource;
import org.kepu.indicator.MeasureOption;
import org.kepu.indicator.internal.ElementCommands;
import org.kepu.indicator.internal.ElementStore;
import org.kepu.indicator.internal.Sources;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.ConflictException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.KepuException;
import org.kepu.shared.NotFoundException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 数据元素: the office admin's list of data elements and their form. The form's aggregate and filter selects come
 * from the chosen ledger (its {@link LedgerSource} measures and dimensions); changing the ledger reloads the form.
 */
@Controller
class ElementAdminController {

    static final String LIST = "indicator/elements";
    static final String FORM = "indicator/element-form";
    static final String FILTER_PREFIX = "filter.";

    private final ElementStore store;
    private final ElementCommands commands;
    private final Sources sources;
    private final MessageSource messages;

    ElementAdminController(ElementStore store, ElementCommands commands, Sources sources, MessageSource messages) {
        this.store = store;
        this.commands = commands;
        this.sources = sources;
        this.messages = messages;
    }

    @GetMapping("/indicators/elements")
    String list(Model model) {
        CurrentUser user = IndicatorAdminController.requireOffice();
        List<ElementRow> rows = new ArrayList<>();
        for (DataElement e : store.all()) {
            LedgerSource s = sources.find(e.source()).orElse(null);
            String aggregate = s == null ? e.aggregation().name() : s.measures().stream()
                    .filter(m -> m.is(e.aggregation(), e.measure())).map(MeasureOption::label).findFirst()
                    .orElse(e.aggregation().name());
            List<String> filters = new ArrayList<>();
            if (s != null) {
                for (FilterDimension d : s.dimensions(user.scope().divisionPath())) {
                    String v = e.filter(d.code());
                    if (v != null) {
                        filters.add(d.label() + "：" + d.labelOf(v));
                    }
                }
            }
            String cache = !sources.materialized(e) ? "indicator.element.cache.direct"
                    : e.cacheReady() ? "indicator.element.cache.ready" : "indicator.element.cache.building";
            rows.add(new ElementRow(e, s == null ? e.source() : s.name(), aggregate, filters, cache));
        }
        model.addAttribute("rows", rows);
        return LIST;
    }

    @GetMapping("/indicators/elements/new")
    String newForm(@RequestParam(required = false) String source, Model model) {
        IndicatorAdminController.requireOffice();
        String s = source != null && sources.find(source).isPresent() ? source
                : sources.all().stream().findFirst().map(LedgerSource::code).orElse("");
        return form(model, null, new ElementForm("", "", s, "COUNT", Map.of(), "", 0), null);
    }

    @PostMapping("/indicators/elements")
    String create(ElementForm form, HttpServletRequest request, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = IndicatorAdminController.requireOffice();
        ElementForm f = withFilters(form, request);
        try {
            commands.create(user, f.toData());
            redirect.addFlashAttribute("flash", text("indicator.element.created", f.name().strip()));
            return "redirect:/indicators/elements";
        } catch (BadRequestException e) {
            response.setStatus(400);
            return form(model, null, f, text(e));
        }
    }

    @GetMapping("/indicators/elements/{id:\\d+}/edit")
    String edit(@PathVariable long id, Model model) {
        IndicatorAdminController.requireOffice();
        DataElement e = store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        String aggregate = e.measure() == null ? e.aggregation().name() : e.aggregation().name() + ":" + e.measure();
        return form(model, e, new ElementForm(e.code(), e.name(), e.source(), aggregate, e.filters(),
                e.description() == null ? "" : e.description(), e.version()), null);
    }

    @PostMapping("/indicators/elements/{id:\\d+}/edit")
    String update(@PathVariable long id, ElementForm form, HttpServletRequest request, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = IndicatorAdminController.requireOffice();
        DataElement before = store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        ElementForm f = withFilters(form, request);
        try {
            if (f.version() == null) {
                throw new BadRequestException("indicator.error.version");
            }
            commands.update(user, id, f.version(), f.toData());
            redirect.addFlashAttribute("flash", text("indicator.element.saved", f.name().strip()));
            return "redirect:/indicators/elements";
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return form(model, before, f, text(e));
        }
    }

    @PostMapping("/indicators/elements/{id:\\d+}/delete")
    String delete(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = IndicatorAdminController.requireOffice();
        DataElement before = store.find(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        try {
            commands.delete(user, id, version);
            redirect.addFlashAttribute("flash", text("indicator.element.deleted", before.name()));
            return "redirect:/indicators/elements";
        } catch (BadRequestException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return edit(id, model.addAttribute("error", text(e)));
        }
    }

    private static ElementForm withFilters(ElementForm form, HttpServletRequest request) {
        Map<String, String> filters = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (k.startsWith(FILTER_PREFIX) && v.length > 0 && !v[0].isBlank()) {
                filters.put(k.substring(FILTER_PREFIX.length()), v[0].strip());
            }
        });
        return new ElementForm(form.code(), form.name(), form.source(), form.aggregate(), filters,
                form.description(), form.version());
    }

    private String form(Model model, DataElement element, ElementForm form, String error) {
        CurrentUser user = IndicatorAdminController.requireOffice();
        LedgerSource source = sources.find(form.source()).orElse(null);
        List<AggregateOption> aggregates = new ArrayList<>();
        List<FilterDimension> dimensions = List.of();
        if (source != null) {
            for (MeasureOption m : source.measures()) {
                String value = m.measure() == null ? m.aggregation().name()
                        : m.aggregation().name() + ":" + m.measure();
                aggregates.add(new AggregateOption(value, m.label() + "（"
                        + text("indicator.element.aggregation." + m.aggregation().name()) + "）"));
            }
            dimensions = source.dimensions(user.scope().divisionPath());
        }
        model.addAttribute("element", element);
        model.addAttribute("form", form);
        model.addAttribute("sources", sources.all());
        model.addAttribute("aggregates", aggregates);
        model.addAttribute("dimensions", dimensions);
        if (!model.containsAttribute("error") || error != null) {
            model.addAttribute("error", error);
        }
        return FORM;
    }

    private String text(KepuException e) {
        return text(e.messageKey(), e.args());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
