package org.kepu.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.browser.BrowserPage;
import org.kepu.browser.BrowserSupport;
import org.kepu.shared.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a desktop screen: the office pastes seed 004, resolves an unmatched name in the preview (县乡村振兴局 → the
 * existing 县农业农村局, kept as its alias), saves, sees the task tree, and opens that unit's responsibility list
 * from the tree. Then it binds the plan's target 农民教育培训5000人次以上 to the indicator 农民教育培训人次, sees it
 * behind, records and submits a farmers' training with 5,200 participants, and sees the target achieved on the
 * plan. Runs in failsafe (headless Chromium).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlanImportBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    WebDriver driver;
    WebDriverWait wait;
    BrowserPage page;

    @BeforeEach
    void start() throws java.io.IOException {
        driver = BrowserSupport.start(BrowserSupport.DESKTOP);
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
    void officeImportsSeed004BindsATargetRecordsActivitiesAndSeesTheStatusChange() throws Exception {
        PlanTestWorld world = new PlanTestWorld(jdbc).ensure();
        world.user("plan-browser-office", Role.OFFICE_ADMIN, PlanTestWorld.COUNTY);
        long agriculture = world.unitId("县农业农村局");

        page.login("plan-browser-office");
        page.open("/plans");
        page.click(By.linkText("从文件导入"));
        wait.until(ExpectedConditions.urlMatches(".*/plans/import$"));
        page.js("document.getElementById('text').value = arguments[0];", PlanTestWorld.seed("004"));
        page.click(By.cssSelector("form[action='/plans/import']:not([enctype]) button[type=submit]"));
        wait.until(ExpectedConditions.urlMatches(".*/plans/import/\\d+$"));
        assertThat(driver.findElement(By.id("import-counts")).getText()).contains("74 项任务");
        BrowserSupport.screenshot(driver, "plan-import-preview");

        WebElement row = driver.findElement(By.xpath(
                "//div[contains(@class,'kepu-name-row')][.//span[@class='fw-semibold' and text()='县乡村振兴局']]"));
        assertThat(row.getText()).contains("未匹配到成员单位");
        WebElement action = row.findElement(By.cssSelector("select[data-resolution]"));
        page.scrollTo(action);
        new Select(action).selectByValue("UNIT");
        WebElement unit = row.findElement(By.cssSelector(".kepu-pick-unit select"));
        wait.until(ExpectedConditions.visibilityOf(unit));
        new Select(unit).selectByVisibleText("县农业农村局");
        page.click(row.findElement(By.cssSelector(".kepu-pick-unit input[type=checkbox] + label")));
        page.click(By.id("import-refresh"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-tree"),
                "县乡村振兴局 → 县农业农村局"));

        page.click(By.id("import-save"));
        wait.until(ExpectedConditions.urlMatches(".*/plans/\\d+$"));
        String planUrl = driver.getCurrentUrl();
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("已导入：74 项任务", "新增别名 1 个", "实施青少年科学素质提升行动", "寻府办字〔2022〕5号");
        assertThat(driver.findElement(By.id("plan-stats")).getText()).contains("共 74 项任务");
        BrowserSupport.screenshot(driver, "plan-imported-tree");
        assertThat(jdbc.sql("select count(*) from member_unit_alias where unit_id = :u and alias = '县乡村振兴局'")
                .param("u", agriculture).query(Long.class).single()).isEqualTo(1);

        page.click(By.cssSelector("#plan-tree a.kepu-unit[href='/units/" + agriculture + "/responsibilities']"));
        wait.until(ExpectedConditions.urlContains("/units/" + agriculture + "/responsibilities"));
        String list = driver.findElement(By.tagName("main")).getText();
        assertThat(list).contains("县农业农村局责任清单", "实施农民科学素质提升行动", "开展智慧助老行动");
        WebElement smartAged = driver.findElement(By.xpath("//tr[.//a[text()='开展智慧助老行动']]"));
        assertThat(smartAged.getText()).contains("二（四）1．", "配合", "县委宣传部");
        BrowserSupport.screenshot(driver, "plan-unit-responsibilities");
        assertThat(BrowserSupport.scrollsHorizontally(driver)).isFalse();

        // Bind the proposal 农民教育培训 5000 人次 (二（二）2．) to the indicator, due at the end of this year.
        driver.get(planUrl);
        WebElement proposal = driver.findElement(By.xpath(
                "//li[starts-with(@id,'target-')][span[@class='fw-semibold' and text()='农民教育培训']]"));
        String proposalId = proposal.getAttribute("id");
        page.click(proposal.findElement(By.cssSelector("a[href$='/bind']")));
        wait.until(ExpectedConditions.urlMatches(".*/targets/\\d+/bind$"));
        new Select(driver.findElement(By.id("indicatorId"))).selectByVisibleText("农民教育培训人次（人次）");
        new Select(driver.findElement(By.id("comparator"))).selectByValue("AT_LEAST");
        driver.findElement(By.id("value")).clear();
        driver.findElement(By.id("value")).sendKeys("5000");
        String year = String.valueOf(java.time.LocalDate.now().getYear());
        page.js("document.getElementById('deadline').value = arguments[0];", year + "-12-31");
        BrowserSupport.screenshot(driver, "plan-bind-target");
        page.click(By.cssSelector("form.kepu-form button[type=submit]"));
        wait.until(ExpectedConditions.urlMatches(".*/plans/\\d+(#.*)?$"));
        WebElement bound = driver.findElement(By.id(proposalId));
        assertThat(bound.getText()).contains("农民教育培训人次");
        assertThat(bound.findElement(By.cssSelector("[data-status]")).getAttribute("data-status")).isEqualTo("BEHIND");

        // Record a farmers' training in the county and submit it.
        page.open("/activities/new");
        driver.findElement(By.id("title")).sendKeys("高素质农民脐橙种植技术培训");
        new Select(driver.findElement(By.id("theme"))).selectByValue("OTHER");
        new Select(driver.findElement(By.id("format"))).selectByValue("TRAINING");
        page.click(By.cssSelector("label[for='kg-FARMER']"));
        page.js("document.getElementById('startsAt').value = arguments[0] + '-01-15T09:00';"
                + "document.getElementById('endsAt').value = arguments[0] + '-01-15T17:00';", year);
        new Select(driver.findElement(By.id("division"))).selectByValue(PlanTestWorld.TOWNSHIP);
        driver.findElement(By.id("participantsOnsite")).clear();
        driver.findElement(By.id("participantsOnsite")).sendKeys("5200");
        page.click(By.cssSelector("form.kepu-activity-form button[type='submit']"));
        wait.until(ExpectedConditions.urlMatches(".*/activities/\\d+$"));
        page.click(By.xpath("//button[contains(., '提交审核')]"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBe(By.id("activity-status"), "待审核"));

        // The value cache catches up within a second or so; the plan then shows the target achieved.
        new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500)).until(d -> {
            d.get(planUrl);
            return "ACHIEVED".equals(d.findElement(By.id(proposalId)).findElement(By.cssSelector("[data-status]"))
                    .getAttribute("data-status"));
        });
        assertThat(driver.findElement(By.id(proposalId)).getText()).contains("5,200", "已完成");
        WebElement task = driver.findElement(By.xpath("//*[@id='" + proposalId + "']/ancestor::*[starts-with(@id,'task-')][1]"));
        // Bootstrap's smooth scrolling would still be moving when the screenshot is taken: jump instead.
        Object y = page.js("window.scrollTo({top: arguments[0].getBoundingClientRect().top + window.scrollY - 80,"
                + " behavior: 'instant'}); return window.scrollY;", task);
        assertThat(((Number) y).doubleValue()).isGreaterThan(0);
        BrowserSupport.screenshot(driver, "plan-target-achieved");
    }






}
