package org.kepu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kepu.TestFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.notification.internal.NotificationService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Sending (to users and to a unit's accounts), dedupe keys, safe links, the inbox and its owner-only access. */
@KepuIntegrationTest
@AutoConfigureMockMvc
class NotificationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NotificationService notifications;

    TestFixtures fx;
    CurrentUser alice;
    CurrentUser bob;

    @BeforeEach
    void setUp() {
        fx = new TestFixtures(jdbc).ensure();
        alice = fx.user("notify-alice", Role.OFFICE_ADMIN, TestFixtures.COUNTY);
        bob = fx.user("notify-bob", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        jdbc.sql("delete from notification where user_id in (:a, :b)").param("a", alice.id()).param("b", bob.id())
                .update();
    }

    @Test
    void aDedupeKeySendsOncePerUserAndUnsafeLinksAreDropped() {
        notifications.send(List.of(alice.id(), bob.id(), alice.id()), "季度报告待审核", "县教育局已提交", "/plans/1",
                "test:dedupe:1");
        notifications.send(List.of(alice.id()), "季度报告待审核", "再次发送", "/plans/1", "test:dedupe:1");
        notifications.send(List.of(alice.id()), "外部链接", null, "https://evil.example/x", null);
        notifications.send(List.of(alice.id()), "协议相对链接", null, "//evil.example/x", null);

        var items = notifications.list(alice.id(), false, 1, 20).rows();
        assertThat(items).extracting(NotificationService.Item::title)
                .containsExactly("协议相对链接", "外部链接", "季度报告待审核");
        assertThat(items.get(0).link()).isNull();
        assertThat(items.get(1).link()).isNull();
        assertThat(items.get(2).link()).isEqualTo("/plans/1");
        assertThat(items.get(2).body()).isEqualTo("县教育局已提交");
        assertThat(notifications.unreadCount(alice.id())).isEqualTo(3);
        assertThat(notifications.unreadCount(bob.id())).isEqualTo(1);
    }

    @Test
    void aUnitsLiaisonAndHeadGetIt_otherAccountsAndDisabledOnesDoNot() {
        CurrentUser liaison = fx.user("notify-liaison", Role.UNIT_LIAISON, "县教育局");
        CurrentUser head = fx.user("notify-head", Role.UNIT_HEAD, "县教育局");
        CurrentUser disabled = fx.user("notify-disabled", Role.UNIT_LIAISON, "县教育局");
        CurrentUser otherUnit = fx.user("notify-other", Role.UNIT_LIAISON, "县科协");
        jdbc.sql("update app_user set enabled = false where id = :id").param("id", disabled.id()).update();
        jdbc.sql("delete from notification where dedupe_key = 'test:unit:1'").update();

        notifications.sendToUnit(fx.unitId("县教育局"), "请报送第四季度进度", null, "/progress", "test:unit:1");

        // other test classes sharing the database may have added accounts of 县教育局 too: every recipient must be an
        // enabled liaison or head of the unit, and these two must be among them
        List<Long> recipients = jdbc.sql("select user_id from notification where dedupe_key = 'test:unit:1'")
                .query(Long.class).list();
        assertThat(recipients).contains(liaison.id(), head.id()).doesNotContain(disabled.id(), otherUnit.id());
        assertThat(jdbc.sql("""
                select count(*) from notification n join app_user u on u.id = n.user_id
                where n.dedupe_key = 'test:unit:1' and not (u.enabled and u.unit_id = :unit
                      and u.role in ('UNIT_LIAISON', 'UNIT_HEAD'))
                """).param("unit", fx.unitId("县教育局")).query(Long.class).single()).isZero();
    }

    @Test
    void openingMarksReadAndFollowsTheLink_someoneElsesIdIsNotFound() throws Exception {
        notifications.send(List.of(alice.id()), "任务即将到期", null, "/plans", null);
        long id = notifications.list(alice.id(), true, 1, 20).rows().get(0).id();

        mvc.perform(post("/notifications/" + id + "/open").with(csrf()).with(as(bob)))
                .andExpect(status().isNotFound());
        assertThat(notifications.unreadCount(alice.id())).isEqualTo(1);

        mvc.perform(post("/notifications/" + id + "/open").with(csrf()).with(as(alice)))
                .andExpect(redirectedUrl("/plans"));
        assertThat(notifications.unreadCount(alice.id())).isZero();
        mvc.perform(post("/notifications/" + id + "/open").with(as(alice))).andExpect(status().isForbidden());
    }

    @Test
    void theInboxShowsOnlyTheUsersOwnNotificationsAndTheBadgeCountsUnread() throws Exception {
        notifications.send(List.of(alice.id()), "只给爱丽丝", "正文<script>", "/plans", null);
        notifications.send(List.of(bob.id()), "只给鲍勃", null, null, null);

        mvc.perform(get("/notifications").with(as(alice))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("只给爱丽丝")))
                .andExpect(content().string(Matchers.containsString("正文&lt;script&gt;")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("只给鲍勃"))));
        mvc.perform(get("/notifications/badge").with(as(alice))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">1<span")));

        mvc.perform(post("/notifications/read-all").with(csrf()).with(as(alice)))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(notifications.unreadCount(alice.id())).isZero();
        assertThat(notifications.unreadCount(bob.id())).isEqualTo(1);
        mvc.perform(get("/notifications/badge").with(as(alice))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("badge"))));
        mvc.perform(get("/notifications?unread=1").with(as(alice))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("没有未读通知")));
    }
}
