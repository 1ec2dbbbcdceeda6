package org.kepu.plan.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.browser.BrowserPage;
import org.kepu.browser.BrowserSupport;
import org.kepu.plan.internal.PlanCommands;
import org.kepu.plan.internal.TaskCommands;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The quarterly report journey on a phone: 县科协's liaison writes and submits a report on a task; the office
 * returns it with a reason; the liaison sees the reason and a notification, revises and submits again; the office
 * accepts it and the liaison is told. Runs in failsafe (headless Chromium).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProgressBrowserTest {

    static final String QUARTER = "2024Q2";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanCommands plans;
    @Autowired
    TaskCommands tasks;

    WebDriver driver;
    WebDriverWait wait;
    BrowserPage page;

    @BeforeEach
    void start() throws java.io.IOException {
        driver = BrowserSupport.start(BrowserSupport.PHONE);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        page = new BrowserPage(driver, wait, port);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void liaisonReportsOfficeReturnsLiaisonRevisesOfficeAccepts() throws Exception {
        ProgressWorld w = new ProgressWorld(jdbc, plans, tasks, "pbrowser");
        String liaison = "pbrowser-kexie";
        String office = "pbrowser-office";

        // The liaison's own page for the quarter lists task 1 (led by 县科协) with a button to write the report.
        page.login(liaison);
        page.open("/progress/my?quarter=" + QUARTER);
        assertThat(driver.findElement(By.id("my-tasks")).getText()).contains("开展青少年科技教育（pbrowser）");
        assertThat(BrowserSupport.scrollsHorizontally(driver)).isFalse();
        page.click(By.cssSelector("#my-tasks a[href='/progress/tasks/" + w.task1 + "/" + QUARTER + "']"));
        wait.until(ExpectedConditions.urlContains("/progress/tasks/" + w.task1 + "/" + QUARTER));
        page.click(By.cssSelector("label[for='progress-ON_TRACK']"));
        driver.findElement(By.id("body")).sendKeys("已在 3 所中学开展科技教育活动。");
        driver.findElements(By.name("figLabel")).get(0).sendKeys("覆盖学生");
        driver.findElements(By.name("figQty")).get(0).sendKeys("1200");
        driver.findElements(By.name("figUnit")).get(0).sendKeys("人次");
        assertThat(BrowserSupport.scrollsHorizontally(driver)).isFalse();
        BrowserSupport.screenshot(driver, "progress-browser-form");
        page.click(By.cssSelector("button[name='action'][value='submit']"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.urlContains("/progress/my"));
        long reportId = jdbc.sql("select id from progress_report where task_id = :t and unit_id = :u")
                .param("t", w.task1).param("u", w.kexie).query(Long.class).single();
        String reportPath = "/progress/reports/" + reportId;
        page.click(By.cssSelector("#my-tasks a[href='" + reportPath + "']"));
        wait.until(ExpectedConditions.urlContains(reportPath));
        assertThat(driver.findElement(By.id("report-status")).getText()).contains("按计划推进", "待审核");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("覆盖学生", "1200");

        // The office finds it in the review queue and returns it with a reason.
        page.relogin(office);
        page.open("/progress/review");
        WebElement item = driver.findElement(By.xpath(
                "//li[contains(@class,'kepu-report-item')][.//a[@href='" + reportPath + "']]"));
        page.click(item.findElement(By.cssSelector("summary")));
        item.findElement(By.cssSelector("textarea[name='reason']")).sendKeys("请补充活动照片所在的台账记录。");
        page.click(item.findElement(By.cssSelector("form[action$='/return'] button[type='submit']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已退回，并通知了报送单位"));
        assertThat(driver.findElements(By.cssSelector("#review-queue a[href='" + reportPath + "']"))).isEmpty();

        // The liaison sees the reason on the quarter page and in a notification, revises and submits again.
        page.relogin(liaison);
        page.open("/progress/my?quarter=" + QUARTER);
        assertThat(driver.findElement(By.id("my-returned")).getText()).contains("请补充活动照片所在的台账记录。");
        BrowserSupport.screenshot(driver, "progress-browser-returned");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notification-badge")));
        page.click(By.cssSelector("#my-returned a[href='/progress/tasks/" + w.task1 + "/" + QUARTER + "']"));
        wait.until(ExpectedConditions.urlContains("/progress/tasks/" + w.task1 + "/" + QUARTER));
        assertThat(driver.findElement(By.id("return-reason")).getText()).contains("请补充活动照片所在的台账记录。");
        driver.findElement(By.id("body")).sendKeys("另：照片见 5 月 20 日科技活动周台账。");
        page.click(By.cssSelector("button[name='action'][value='submit']"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.urlContains("/progress/my"));
        page.open(reportPath);
        assertThat(driver.findElement(By.id("report-status")).getText()).contains("待审核");

        // The office accepts it from the report page.
        page.relogin(office);
        page.open(reportPath);
        page.click(By.cssSelector("form[action='" + reportPath + "/accept'] button[type='submit']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-status"), "已通过"));

        // The liaison's inbox has both outcomes, newest first.
        page.relogin(liaison);
        page.open("/notifications");
        String inbox = driver.findElement(By.id("notification-list")).getText();
        assertThat(inbox).contains("您的报送已审核通过", "您的报送被退回");
        assertThat(inbox.indexOf("您的报送已审核通过")).isLessThan(inbox.indexOf("您的报送被退回"));
        assertThat(inbox).contains("原因：请补充活动照片所在的台账记录。请修改后重新报送").doesNotContain("。。");
        assertThat(BrowserSupport.scrollsHorizontally(driver)).isFalse();
        BrowserSupport.screenshot(driver, "progress-browser-inbox");
    }





}
