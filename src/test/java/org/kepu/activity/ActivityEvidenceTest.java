package org.kepu.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kepu.activity.ActivityTestSupport.as;
import static org.kepu.activity.ActivityTestSupport.input;
import static org.kepu.activity.ActivityTestSupport.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.TestFixtures;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@KepuIntegrationTest
@AutoConfigureMockMvc
class ActivityEvidenceTest {

    @Autowired
    ActivityService activities;
    @Autowired
    ActivityEvidenceService evidence;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    CurrentUser recorderA;
    CurrentUser recorderB;

    @BeforeEach
    void setUp() {
        TestFixtures fx = new TestFixtures(jdbc).ensure();
        recorderA = fx.user("ev-recorder-a", Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_A1);
        recorderB = fx.user("ev-recorder-b", Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_B1);
    }

    @Test
    void reusedFileWarnsNamingTheOtherActivity() {
        byte[] png = ActivityTestSupport.uniquePng(30, 30);
        Activity first = as(recorderA, () -> activities.create(input(unique("首次"), TestFixtures.VILLAGE_A1)));
        Activity second = as(recorderA, () -> activities.create(input(unique("再次"), TestFixtures.VILLAGE_A1)));
        Activity other = as(recorderB, () -> activities.create(input(unique("乙村"), TestFixtures.VILLAGE_B1)));
        AttachResult r1 = as(recorderA, () -> evidence.attach(first.id(), new ByteArrayInputStream(png), "p.png",
                EvidenceKind.PHOTO));
        assertThat(r1.reusedIn()).isEmpty();
        assertThat(r1.evidence().kind()).isEqualTo(EvidenceKind.PHOTO);
        AttachResult r2 = as(recorderA, () -> evidence.attach(second.id(), new ByteArrayInputStream(png), "copy.jpg",
                EvidenceKind.PHOTO));
        assertThat(r2.reusedIn()).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo(first.title());
            assertThat(n.activityId()).isEqualTo(first.id());
            assertThat(n.visible()).isTrue();
        });
        AttachResult r3 = as(recorderB, () -> evidence.attach(other.id(), new ByteArrayInputStream(png), "x.png",
                EvidenceKind.PHOTO));
        assertThat(r3.reusedIn()).hasSize(2).allSatisfy(n -> {
            assertThat(n.visible()).isFalse();
            assertThat(n.activityId()).isNull();
        });
        assertThat(r3.reusedIn()).extracting(ReuseNotice::title).contains(first.title(), second.title());
        AttachResult again = as(recorderA, () -> evidence.attach(first.id(), new ByteArrayInputStream(png), "p.png",
                EvidenceKind.PHOTO));
        assertThat(again.alreadyAttached()).isTrue();
        assertThat(as(recorderA, () -> evidence.list(first.id()))).hasSize(1);
    }

    @Test
    void attachmentsAreRemovableOnlyWhileOpen() {
        Activity a = as(recorderA, () -> activities.create(input(unique("移除"), TestFixtures.VILLAGE_A1)));
        byte[] pdf = ("%PDF-1.4\n% " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        AttachResult r = as(recorderA, () -> evidence.attach(a.id(), new ByteArrayInputStream(pdf), "签到表.pdf",
                EvidenceKind.SIGN_IN_SHEET));
        assertThat(r.evidence().kind()).isEqualTo(EvidenceKind.SIGN_IN_SHEET);
        Activity s = as(recorderA, () -> activities.submit(a.id(), a.version()));
        assertThatThrownBy(() -> TestFixtures.runAs(recorderA, () -> evidence.remove(a.id(), r.evidence().id())))
                .isInstanceOf(BadRequestException.class);
        assertThat(s.status()).isEqualTo(ActivityStatus.SUBMITTED);
        Activity b = as(recorderA, () -> activities.create(input(unique("移除"), TestFixtures.VILLAGE_A1)));
        AttachResult rb = as(recorderA, () -> evidence.attach(b.id(), new ByteArrayInputStream(pdf), "a.pdf",
                EvidenceKind.PHOTO));
        assertThat(rb.evidence().kind()).isEqualTo(EvidenceKind.PDF);
        TestFixtures.runAs(recorderA, () -> evidence.remove(b.id(), rb.evidence().id()));
        assertThat(as(recorderA, () -> evidence.list(b.id()))).isEmpty();
    }

    @Test
    void uploadPageWarnsAndDownloadsAreTyped() throws Exception {
        Activity a = as(recorderA, () -> activities.create(input(unique("上传"), TestFixtures.VILLAGE_A1)));
        Activity b = as(recorderA, () -> activities.create(input(unique("上传"), TestFixtures.VILLAGE_A1)));
        byte[] png = ActivityTestSupport.uniquePng(25, 25);
        mvc.perform(multipart("/activities/" + a.id() + "/evidence")
                .file(new MockMultipartFile("files", "a.png", "image/png", png))
                .file(new MockMultipartFile("files", "evil.jpg", "image/jpeg",
                        "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8)))
                .with(TestFixtures.as(recorderA)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "已上传 1 个文件。"))
                .andExpect(flash().attribute("warnings", List.of(
                        "文件“evil.jpg”不是 JPG、PNG、WebP 图片或 PDF 文件（按文件内容识别，与扩展名无关），已拒绝。")));
        var result = mvc.perform(multipart("/activities/" + b.id() + "/evidence")
                .file(new MockMultipartFile("files", "same.png", "image/png", png))
                .with(TestFixtures.as(recorderA)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) result.getFlashMap().get("warnings");
        assertThat(warnings).singleElement().asString().contains(a.title()).contains("编号 " + a.id());
        String sha = as(recorderA, () -> evidence.list(a.id())).get(0).sha256();
        mvc.perform(get("/evidence/" + sha).with(TestFixtures.as(recorderA))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")));
        mvc.perform(get("/evidence/" + sha + "/thumbnail").with(TestFixtures.as(recorderA)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"));
        String html = mvc.perform(get("/activities/" + a.id()).with(TestFixtures.as(recorderA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/evidence/" + sha + "/thumbnail").contains("capture=\"environment\"");
    }
}
