package org.kepu.activity.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDateTime;
import java.util.List;
import org.kepu.activity.ActivityInput;
import org.kepu.shared.KeyGroup;

/** Create or update an activity. Times are county local time (Asia/Shanghai). {@code version}: required on PUT. */
@Schema(name = "ActivityRequest")
public record ActivityRequest(
        @Schema(description = "活动名称，≤200 字", example = "2026年科技活动周——长宁镇青少年机器人科普展") String title,
        @Schema(description = "主题代码（字典 ACTIVITY_THEME）", example = "SCI_TECH_WEEK") String theme,
        @Schema(description = "形式代码（字典 ACTIVITY_FORMAT）", example = "EXHIBITION") String format,
        List<KeyGroup> keyGroups,
        @Schema(example = "2026-05-20T09:00:00") LocalDateTime startsAt,
        @Schema(example = "2026-05-20T11:30:00") LocalDateTime endsAt,
        @Schema(description = "举办地行政区划代码", example = "360734100") String division,
        Long organizerUnitId, List<Long> coOrganizerIds, Integer participantsOnsite, Integer participantsOnline,
        Integer materialsCount, Integer volunteersCount, String mediaCoverage, String description,
        @Schema(description = "读取时的版本号（PUT 必填）") Integer version) {

    ActivityInput toInput() {
        return new ActivityInput(title, theme, format, keyGroups, startsAt, endsAt, division, organizerUnitId,
                coOrganizerIds, participantsOnsite, participantsOnline, materialsCount, volunteersCount, mediaCoverage,
                description);
    }
}
