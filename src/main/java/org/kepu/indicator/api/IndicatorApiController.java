package org.kepu.indicator.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.kepu.indicator.ChildValue;
import org.kepu.indicator.Indicator;
import org.kepu.indicator.IndicatorCard;
import org.kepu.indicator.IndicatorService;
import org.kepu.indicator.IndicatorValue;
import org.kepu.indicator.Target;
import org.kepu.indicator.TargetComparator;
import org.kepu.indicator.TargetInput;
import org.kepu.indicator.TargetProgress;
import org.kepu.indicator.TargetService;
import org.kepu.indicator.TargetStatus;
import org.kepu.region.Division;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.Period;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Indicators, their values and targets over JSON, with the same scope and role rules as the pages. */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "indicators", description = "指标、指标值与目标值")
class IndicatorApiController {

    /** A value: null {@code value} with a {@code reason} when there is none; {@code link} lists the records. */
    record ValueResponse(BigDecimal value, String text, String reason, String link) {

        static ValueResponse of(IndicatorValue v) {
            return new ValueResponse(v.value(), v.text(), v.reason(), v.link());
        }
    }

    /** An indicator with its value for the requested division and period. */
    record IndicatorResponse(long id, String code, String name, String formula, String unitOfMeasure, int decimals,
            String description, ValueResponse value) {

        static IndicatorResponse of(Indicator i, IndicatorValue v) {
            return new IndicatorResponse(i.id(), i.code(), i.name(), i.formula(), i.unitOfMeasure(), i.decimals(),
                    i.description(), v == null ? null : ValueResponse.of(v));
        }
    }

    /** The values of all active indicators for one division subtree and period. */
    record IndicatorList(String divisionCode, String divisionName, String period, List<IndicatorResponse> items) {
    }

    /** One child division's value. */
    record ChildResponse(String divisionCode, String divisionName, boolean ownLevel, ValueResponse value) {

        static ChildResponse of(ChildValue c) {
            return new ChildResponse(c.divisionCode(), c.divisionName(), c.ownLevel(), ValueResponse.of(c.value()));
        }
    }

    /** One indicator: its value and the values of the child divisions, best first. */
    record IndicatorDetail(IndicatorResponse indicator, String divisionCode, String period,
            List<ChildResponse> children) {
    }

    /** A target with where it stands today. */
    record TargetResponse(long id, long indicatorId, String indicatorCode, String divisionCode, String divisionName,
            LocalDate startDate, BigDecimal baseline, LocalDate deadline, TargetComparator comparator,
            BigDecimal targetValue, String sourceNote, int version, ValueResponse value, BigDecimal expected,
            TargetStatus status, LocalDate asOf) {

        static TargetResponse of(TargetProgress p) {
            Target t = p.target();
            return new TargetResponse(t.id(), t.indicatorId(), t.indicatorCode(), t.divisionCode(),
                    t.divisionName(), t.startDate(), t.baseline(), t.deadline(), t.comparator(), t.targetValue(),
                    t.sourceNote(), t.version(), ValueResponse.of(p.value()), p.expected(), p.status(), p.asOf());
        }
    }

    /** Create or change a target; on change, {@code version} is the one read. */
    record TargetRequest(String divisionCode, LocalDate startDate, BigDecimal baseline, LocalDate deadline,
            TargetComparator comparator, BigDecimal targetValue, String sourceNote, Integer version) {

        TargetInput toInput(long indicatorId) {
            return new TargetInput(indicatorId, divisionCode, startDate, baseline, deadline, comparator, targetValue,
                    sourceNote);
        }
    }

    /** A dashboard card. */
    record CardResponse(IndicatorResponse indicator, TargetResponse target, List<TrendPoint> trend) {
    }

    /** One month of a trend. */
    record TrendPoint(LocalDate month, BigDecimal value, String link) {
    }

    private final IndicatorService indicators;
    private final TargetService targets;

    IndicatorApiController(IndicatorService indicators, TargetService targets) {
        this.indicators = indicators;
        this.targets = targets;
    }

    @GetMapping
    @Operation(summary = "The active indicators with their values for a division subtree and a period")
    IndicatorList list(@Parameter(description = "division code; default: the top of the caller's scope")
            @RequestParam(required = false) String division,
            @Parameter(description = "2025, 2025-Q1, 2025-03 or 2025-01-05..2025-02-10; default: the current year")
            @RequestParam(required = false) String period) {
        Period p = period(period);
        Division area = indicators.area(division);
        Map<Long, IndicatorValue> values = indicators.values(null, area.code(), p);
        List<IndicatorResponse> items = indicators.list().stream()
                .map(i -> IndicatorResponse.of(i, values.get(i.id()))).toList();
        return new IndicatorList(area.code(), area.name(), p.code(), items);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One indicator's value and its child divisions' values (404 outside the caller's scope)")
    IndicatorDetail get(@PathVariable long id, @RequestParam(required = false) String division,
            @RequestParam(required = false) String period) {
        Period p = period(period);
        Division area = indicators.area(division);
        Indicator i = indicators.get(id);
        return new IndicatorDetail(IndicatorResponse.of(i, indicators.value(id, area.code(), p)), area.code(),
                p.code(), indicators.ranking(id, area.code(), p).stream().map(ChildResponse::of).toList());
    }

    @GetMapping("/cards")
    @Operation(summary = "Dashboard cards: value, applicable target and status, monthly trend, for one year")
    List<CardResponse> cards(@RequestParam(required = false) String division,
            @RequestParam(required = false) Integer year) {
        int y = year == null ? targets.today().getYear() : year;
        if (y < 1900 || y > 2999) {
            throw new BadRequestException("error.period", String.valueOf(y));
        }
        return indicators.cards(division, y).stream().map(IndicatorApiController::card).toList();
    }

    private static CardResponse card(IndicatorCard c) {
        return new CardResponse(IndicatorResponse.of(c.indicator(), c.value()),
                c.target() == null ? null : TargetResponse.of(c.target()),
                c.trend().stream().map(t -> new TrendPoint(t.month(), t.value(), t.link())).toList());
    }

    @GetMapping("/{id}/targets")
    @Operation(summary = "The indicator's targets in the caller's scope (in a division's subtree) with their status")
    List<TargetResponse> targetsOf(@PathVariable long id, @RequestParam(required = false) String division) {
        indicators.get(id);
        return targets.progress(targets.list(id, division)).stream().map(TargetResponse::of).toList();
    }

    @PostMapping("/{id}/targets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a target (office admin whose scope covers the division)")
    TargetResponse createTarget(@PathVariable long id, @RequestBody TargetRequest request) {
        Target t = targets.create(request.toInput(id));
        return TargetResponse.of(targets.progress(t.id()));
    }

    @PutMapping("/targets/{targetId}")
    @Operation(summary = "Change a target; 409 when the version is stale")
    TargetResponse updateTarget(@PathVariable long targetId, @RequestBody TargetRequest request) {
        if (request.version() == null) {
            throw new BadRequestException("indicator.error.version");
        }
        Target before = targets.get(targetId);
        Target t = targets.update(targetId, request.version(), request.toInput(before.indicatorId()));
        return TargetResponse.of(targets.progress(t.id()));
    }

    @DeleteMapping("/targets/{targetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a target; 409 when the version is stale")
    void deleteTarget(@PathVariable long targetId, @RequestParam int version) {
        targets.delete(targetId, version);
    }

    private Period period(String text) {
        return text == null || text.isBlank() ? Period.year(targets.today().getYear()) : Period.parse(text);
    }
}
