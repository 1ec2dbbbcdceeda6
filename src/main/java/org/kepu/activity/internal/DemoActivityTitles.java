package org.kepu.activity.internal;

import java.util.List;
import java.util.Map;
import org.kepu.shared.KeyGroup;

/** Plausible subjects of 寻乌县's activities by theme, with their format and key groups (demo data only). */
final class DemoActivityTitles {

    record Subject(String text, String format, List<KeyGroup> groups) {
    }

    static final Map<String, List<Subject>> BY_THEME = Map.ofEntries(
            Map.entry("SCI_TECH_WEEK", List.of(
                    s("青少年机器人科普展", "EXHIBITION", KeyGroup.YOUTH),
                    s("人工智能科普讲座", "LECTURE", KeyGroup.YOUTH, KeyGroup.COMMUNITY),
                    s("科普大篷车进村巡展", "SCIENCE_CARAVAN", KeyGroup.FARMER, KeyGroup.YOUTH),
                    s("科技成果展示与体验", "EXHIBITION", KeyGroup.COMMUNITY),
                    s("无人机植保技术培训", "TRAINING", KeyGroup.FARMER))),
            Map.entry("NATIONAL_SCIENCE_DAY", List.of(
                    s("全国科普日主题宣传", "ARTS_PUBLICITY", KeyGroup.COMMUNITY, KeyGroup.FARMER),
                    s("应急科普体验活动", "OPEN_DAY", KeyGroup.YOUTH, KeyGroup.COMMUNITY),
                    s("科学实验秀", "EXHIBITION", KeyGroup.YOUTH),
                    s("老年人防范电信诈骗科普讲座", "LECTURE", KeyGroup.ELDERLY),
                    s("科普知识竞赛", "COMPETITION", KeyGroup.YOUTH, KeyGroup.CADRE),
                    s("科普日线上直播课", "LIVE_STREAM", KeyGroup.YOUTH, KeyGroup.COMMUNITY))),
            Map.entry("DISASTER_REDUCTION_DAY", List.of(
                    s("防灾减灾应急疏散演练", "TRAINING", KeyGroup.YOUTH),
                    s("地质灾害防治知识宣传", "ARTS_PUBLICITY", KeyGroup.FARMER),
                    s("消防安全体验开放日", "OPEN_DAY", KeyGroup.COMMUNITY, KeyGroup.ELDERLY))),
            Map.entry("SCI_TECH_WORKERS_DAY", List.of(
                    s("科技工作者座谈会", "LECTURE", KeyGroup.CADRE, KeyGroup.WORKER),
                    s("最美科技工作者事迹宣讲", "ARTS_PUBLICITY", KeyGroup.CADRE))),
            Map.entry("THREE_TO_COUNTRYSIDE", List.of(
                    s("科技文化卫生“三下乡”义诊咨询", "CONSULTATION", KeyGroup.FARMER, KeyGroup.ELDERLY),
                    s("脐橙种植与黄龙病防控技术培训", "TRAINING", KeyGroup.FARMER),
                    s("百香果栽培技术现场指导", "TRAINING", KeyGroup.FARMER))),
            Map.entry("WORLD_ENVIRONMENT_DAY", List.of(
                    s("垃圾分类知识宣传", "ARTS_PUBLICITY", KeyGroup.COMMUNITY),
                    s("生态环境保护主题展览", "EXHIBITION", KeyGroup.YOUTH, KeyGroup.COMMUNITY))),
            Map.entry("FOOD_SAFETY_WEEK", List.of(
                    s("食品安全知识讲座", "LECTURE", KeyGroup.COMMUNITY, KeyGroup.ELDERLY),
                    s("食品安全进校园", "LECTURE", KeyGroup.YOUTH))),
            Map.entry("LOW_CARBON_DAY", List.of(
                    s("绿色低碳生活宣传", "ARTS_PUBLICITY", KeyGroup.COMMUNITY))),
            Map.entry("PUBLIC_SCIENCE_DAY", List.of(
                    s("科研机构公众开放日", "OPEN_DAY", KeyGroup.YOUTH, KeyGroup.COMMUNITY))),
            Map.entry("SCIENCE_LECTURE_HALL", List.of(
                    s("健康养生科普大讲堂", "LECTURE", KeyGroup.ELDERLY),
                    s("领导干部科学素质专题讲座", "LECTURE", KeyGroup.CADRE),
                    s("产业工人技能提升培训", "TRAINING", KeyGroup.WORKER),
                    s("网络安全科普直播", "LIVE_STREAM", KeyGroup.COMMUNITY, KeyGroup.YOUTH),
                    s("慢性病防治科普义诊", "CONSULTATION", KeyGroup.ELDERLY, KeyGroup.FARMER))),
            Map.entry("SCIENCE_IN_SCHOOLS", List.of(
                    s("科学实验进校园", "EXHIBITION", KeyGroup.YOUTH),
                    s("青少年科技创新大赛", "COMPETITION", KeyGroup.YOUTH),
                    s("流动科技馆进校园", "SCIENCE_CARAVAN", KeyGroup.YOUTH))),
            Map.entry("OTHER", List.of(
                    s("科普宣传栏更新与讲解", "ARTS_PUBLICITY", KeyGroup.FARMER, KeyGroup.COMMUNITY),
                    s("农村电商技能培训", "TRAINING", KeyGroup.FARMER),
                    s("安全生产科普宣传", "ARTS_PUBLICITY", KeyGroup.WORKER))));

    private DemoActivityTitles() {
    }

    private static Subject s(String text, String format, KeyGroup... groups) {
        return new Subject(text, format, List.of(groups));
    }
}
