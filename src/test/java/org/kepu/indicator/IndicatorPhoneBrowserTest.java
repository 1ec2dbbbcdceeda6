package org.kepu.indicator;

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
 * On a 375×667 phone screen: the office admin reads the indicators of 2091, follows a value to the activities
 * behind it, opens an indicator's detail with its charts, sets a target and sees its status in the list. No page
 * scrolls sideways. Runs in failsafe (headless Chromium).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndicatorPhoneBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebDriver driver;
    WebDriverWait wait;
    BrowserPage page;

    @BeforeEach
    void start() throws java.io.IOException {
        driver = BrowserSupport.start(new org.openqa.selenium.Dimension(375, 667));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        page = new BrowserPage(driver, wait, port);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        jdbc.sql("delete from indicator_target where division_path like '85/%'").update();
    }

    @Test
    void officeAdminReadsValuesFollowsADrillDownAndSetsATarget() throws Exception {
        IndicatorFixture fixture = new IndicatorFixture(jdbc).load();
        fixture.user("ind-phone-office", Role.OFFICE_ADMIN, IndicatorFixture.COUNTY);
        jdbc.sql("delete from indicator_target where division_path like '85/%'").update();
        page.login("ind-phone-office");

        page.open("/indicators?year=2091");
        assertThat(driver.getPageSource()).contains("指测县 · 2091年");
        assertNoSidewaysScroll();
        BrowserSupport.screenshot(driver, "indicator-list-phone");
        WebElement count = driver.findElement(By.cssSelector("tr[data-indicator='activity_count'] a[data-value]"));
        assertThat(count.getText()).isEqualTo("8");
        page.click(count);
        wait.until(ExpectedConditions.urlContains("/activities?"));
        assertThat(driver.getCurrentUrl()).contains("year=2091").contains("division=850101")
                .contains("status=COUNTED");
        String list = driver.getPageSource();
        assertThat(list).contains("ind-fixture-1").contains("ind-fixture-8").doesNotContain("ind-fixture-9")
                .doesNotContain("ind-fixture-11");

        page.open("/indicators?year=2091");
        page.click(driver.findElement(By.cssSelector("tr[data-indicator='village_coverage'] td a")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart] canvas")));
        assertThat(driver.getPageSource()).contains("甲镇").contains("乙镇");
        assertNoSidewaysScroll();
        BrowserSupport.screenshot(driver, "indicator-detail-phone");

        page.click(driver.findElement(By.linkText("新增目标值")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("targetValue")));
        assertNoSidewaysScroll();
        driver.findElement(By.id("targetValue")).sendKeys("100");
        page.js("document.getElementById('deadline').value = '2091-12-31';"
                + "document.getElementById('startDate').value = '2091-01-01';");
        new Select(driver.findElement(By.id("comparator"))).selectByValue("AT_LEAST");
        page.click(driver.findElement(By.cssSelector("form.kepu-form button[type='submit']")));
        wait.until(ExpectedConditions.urlContains("/indicators/targets?division=850101"));
        assertThat(driver.getPageSource()).contains("村（社区）科普活动覆盖率").contains("data-status=");
        assertNoSidewaysScroll();

        page.open("/indicators?year=2091");
        assertThat(driver.findElement(By.cssSelector("tr[data-indicator='village_coverage']")).getText())
                .contains("不少于 100");
    }





    private void assertNoSidewaysScroll() {
        Object scroll = page.js("return document.documentElement.scrollWidth;");
        Object inner = page.js("return window.innerWidth;");
        assertThat(((Number) scroll).longValue()).as("page width on " + driver.getCurrentUrl())
                .isLessThanOrEqualTo(((Number) inner).longValue());
    }
}
