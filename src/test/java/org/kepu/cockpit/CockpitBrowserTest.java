package org.kepu.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kepu.browser.BrowserSupport;
import org.kepu.shared.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The wall display on a 1920×1080 screen (one screen, no scrolling, charts drawn, panels refreshed by polling, a
 * notice instead of the sign-in page once the session is gone) and the leader view on a phone (no sideways
 * scrolling). Runs in failsafe (headless Chromium); screenshots under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebDriver driver;
    WebDriverWait wait;
    CockpitFixture fixture;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (fixture != null) {
            fixture.clean();
        }
    }

    void start(Dimension size, String username) throws java.io.IOException {
        fixture = new CockpitFixture(jdbc).load();
        fixture.user(username, Role.LEADER, CockpitFixture.COUNTY);
        driver = BrowserSupport.start(size);
        wait = new WebDriverWait(driver, Duration.ofSeconds(25));
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("unusable-in-tests");
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.urlContains("/cockpit"));
    }

    @Test
    void theWallFillsOneScreenRefreshesAndSurvivesTheEndOfTheSession() throws Exception {
        start(new Dimension(1920, 1080), "cockpit-wall-leader");
        // the wall runs full screen: a viewport of exactly 1920×1080, without the browser's own bars
        ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
        open("/cockpit/wall?year=2020&refresh=10");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wall-chart-months canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wall-chart-divisions canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wall-chart-units canvas")));
        assertThat(driver.findElements(By.tagName("nav"))).isEmpty();
        assertThat(number("return document.documentElement.scrollHeight")).as("no vertical scrolling")
                .isLessThanOrEqualTo(number("return window.innerHeight"));
        assertThat(number("return document.documentElement.scrollWidth")).as("no horizontal scrolling")
                .isLessThanOrEqualTo(number("return window.innerWidth"));
        // every panel lies inside the screen
        assertThat(number("return window.innerHeight")).isEqualTo(1080);
        assertThat(number("return Math.max(...[...document.querySelectorAll('.kepu-wall-panel, .kepu-wall-tile')]"
                + ".map(e => e.getBoundingClientRect().bottom))")).isLessThanOrEqualTo(1080);
        assertThat(driver.findElement(By.cssSelector("[data-headline='activity_count'] .kepu-wall-figure")).getText())
                .startsWith("7");
        Thread.sleep(1200); // let the charts finish their animation before the picture
        BrowserSupport.screenshot(driver, "cockpit-wall-1920");

        // the poll replaces the panels: a new activity shows up in the latest list without reloading the page
        js("document.getElementById('wall-headline').setAttribute('data-marker', 'old')");
        jdbc.sql("update activity set title = 'cockpit-fixture-4 已更新' where title = 'cockpit-fixture-4'").update();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wall-latest"), "已更新"));
        assertThat(driver.findElement(By.id("wall-headline")).getAttribute("data-marker")).isNull();
        assertThat(driver.findElements(By.cssSelector("#wall-chart-months canvas"))).hasSize(1);

        // the session ends: the next poll gets the sign-in page, which is not shown; a notice is
        driver.manage().deleteCookieNamed("KEPU_SESSION");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wall-notice")));
        assertThat(driver.findElement(By.id("wall-notice")).getText()).contains("登录已过期");
        assertThat(driver.findElements(By.id("username"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#wall-chart-months canvas"))).hasSize(1);
        BrowserSupport.screenshot(driver, "cockpit-wall-expired");
    }

    @Test
    void theLeaderViewFitsAPhone() throws Exception {
        start(BrowserSupport.PHONE, "cockpit-phone-leader");
        open("/cockpit?year=2020");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cockpit-divisions [data-chart] canvas")));
        assertThat(driver.getPageSource()).contains("驾测县 · 2020年领导驾驶舱");
        assertThat(driver.findElements(By.cssSelector("form[method='post']"))).as("only the sign-out posts")
                .hasSize(1);
        assertThat(BrowserSupport.scrollsHorizontally(driver)).as("sideways scrolling on the leader view").isFalse();
        Thread.sleep(1200);
        BrowserSupport.screenshot(driver, "cockpit-leader-phone");
        js("window.scrollTo(0, document.getElementById('cockpit-units').offsetTop)");
        Thread.sleep(300);
        BrowserSupport.screenshot(driver, "cockpit-leader-phone-units");
        open("/indicators/dashboard?year=2020");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kepu-spark canvas")));
        assertThat(BrowserSupport.scrollsHorizontally(driver)).as("sideways scrolling on the cards").isFalse();
        Thread.sleep(1200);
        BrowserSupport.screenshot(driver, "indicator-dashboard-phone");
        open("/indicators/rankings?year=2020");
        assertThat(BrowserSupport.scrollsHorizontally(driver)).as("sideways scrolling on the ranking").isFalse();
        BrowserSupport.screenshot(driver, "indicator-rankings-phone");
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private long number(String script) {
        return ((Number) js(script)).longValue();
    }
}
