package org.kepu.activity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kepu.activity.Activity;
import org.kepu.activity.ActivityFilter;
import org.kepu.activity.ActivityService;
import org.kepu.activity.ActivityValidationException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The activity ledger over JSON, with the same scope and workflow rules as the pages. */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "activities", description = "科普活动台账")
class ActivityApiController {

    private final ActivityService activities;
    private final MessageSource messages;

    ActivityApiController(ActivityService activities, MessageSource messages) {
        this.activities = activities;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "活动列表", description = "参数与页面相同：year, month, from, to (yyyy-MM-dd), division, unit, theme,"
            + " keyGroup, format, status, q, sort (startsAt|title|division|participants|status|updatedAt), dir"
            + " (asc|desc), page (从 1 开始), size (≤200，默认 50)。只返回调用者管理范围内的记录。")
    @Parameters({
        @Parameter(name = "year", in = ParameterIn.QUERY, description = "年度，如 2026"),
        @Parameter(name = "month", in = ParameterIn.QUERY, description = "月份 1–12（与 year 同用）"),
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "开始日期 yyyy-MM-dd（含）"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "结束日期 yyyy-MM-dd（含）"),
        @Parameter(name = "division", in = ParameterIn.QUERY, description = "行政区划代码（含下级）"),
        @Parameter(name = "unit", in = ParameterIn.QUERY, description = "主办成员单位编号"),
        @Parameter(name = "theme", in = ParameterIn.QUERY, description = "主题代码"),
        @Parameter(name = "keyGroup", in = ParameterIn.QUERY, description = "重点人群，如 YOUTH"),
        @Parameter(name = "format", in = ParameterIn.QUERY, description = "形式代码"),
        @Parameter(name = "status", in = ParameterIn.QUERY, description = "DRAFT|SUBMITTED|VERIFIED|RETURNED"),
        @Parameter(name = "q", in = ParameterIn.QUERY, description = "在名称和简介中搜索"),
        @Parameter(name = "sort", in = ParameterIn.QUERY, description = "startsAt|title|division|participants|status|updatedAt"),
        @Parameter(name = "dir", in = ParameterIn.QUERY, description = "asc|desc"),
        @Parameter(name = "page", in = ParameterIn.QUERY, description = "页码，从 1 开始"),
        @Parameter(name = "size", in = ParameterIn.QUERY, description = "每页条数，≤200，默认 50")})
    ActivityListResponse list(@Parameter(hidden = true) HttpServletRequest request) {
        return ActivityListResponse.of(activities.search(ActivityFilter.fromParams(request.getParameterMap())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "活动详情", description = "范围外或不存在的编号返回 404。")
    ActivityResponse get(@PathVariable long id) {
        return ActivityResponse.of(activities.get(id));
    }

    @PostMapping
    @Operation(summary = "新建活动（草稿）")
    ResponseEntity<ActivityResponse> create(@RequestBody ActivityRequest body) {
        Activity a = activities.create(body.toInput());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/activities/" + a.id())
                .body(ActivityResponse.of(a));
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改活动", description = "必须带读取时的 version；记录已被他人修改时返回 409，不会覆盖。")
    ActivityResponse update(@PathVariable long id, @RequestBody ActivityRequest body) {
        if (body.version() == null) {
            throw new ActivityValidationException(Map.of("version", "activity.error.versionRequired"));
        }
        return ActivityResponse.of(activities.update(id, body.version(), body.toInput()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "删除草稿")
    ResponseEntity<Void> delete(@PathVariable long id,
            @Parameter(description = "读取时的版本号") @RequestParam int version) {
        activities.deleteDraft(id, version);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "提交审核")
    ActivityResponse submit(@PathVariable long id, @RequestParam int version) {
        return ActivityResponse.of(activities.submit(id, version));
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "审核通过", description = "乡镇管理员（本乡镇范围）或县级管理员。")
    ActivityResponse verify(@PathVariable long id, @RequestParam int version) {
        return ActivityResponse.of(activities.verify(id, version));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "退回修改", description = "必须填写退回原因。")
    ActivityResponse returnIt(@PathVariable long id, @RequestBody ReturnRequest body) {
        if (body.version() == null) {
            throw new ActivityValidationException(Map.of("version", "activity.error.versionRequired"));
        }
        return ActivityResponse.of(activities.returnForCorrection(id, body.version(), body.reason()));
    }

    @ExceptionHandler(ActivityValidationException.class)
    ResponseEntity<Map<String, Object>> invalid(ActivityValidationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, key) -> fields.put(field,
                text("activity.field." + field) + "：" + text(key)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("title", "Bad Request");
        body.put("detail", String.join("；", fields.values()));
        body.put("errors", fields);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, PageContext.LOCALE);
    }
}
