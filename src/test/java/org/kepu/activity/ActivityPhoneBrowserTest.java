package org.kepu.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.TestFixtures;
import org.kepu.browser.BrowserPage;
import org.kepu.shared.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a 375×667 phone screen: a village recorder records an activity, uploads a large photo (shrunk in the browser)
 * and submits; the township admin verifies; the dashboard counts it and links to it. No page scrolls sideways. Runs in failsafe (headless Chromium).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActivityPhoneBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    WebDriver driver;
    WebDriverWait wait;
    BrowserPage page;

    @BeforeEach
    void start() throws java.io.IOException {
        driver = org.kepu.browser.BrowserSupport.start(new org.openqa.selenium.Dimension(375, 667));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        page = new BrowserPage(driver, wait, port);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void recorderRecordsWithAPhotoAndAdminVerifiesOnAPhone() throws Exception {
        TestFixtures fx = new TestFixtures(jdbc).ensure();
        fx.user("phone-recorder", Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_A1);
        fx.user("phone-admin", Role.TOWNSHIP_ADMIN, TestFixtures.TOWNSHIP_A);
        String title = ActivityTestSupport.unique("手机登记");

        page.login("phone-recorder");
        page.open("/activities/new");
        assertNoSidewaysScroll();
        screenshot("activity-new");
        driver.findElement(By.id("title")).sendKeys(title);
        new Select(driver.findElement(By.id("theme"))).selectByValue("SCI_TECH_WEEK");
        new Select(driver.findElement(By.id("format"))).selectByValue("EXHIBITION");
        page.click(By.cssSelector("label[for='kg-YOUTH']"));
        page.js("document.getElementById('startsAt').value = '2026-05-20T09:00';"
                + "document.getElementById('endsAt').value = '2026-05-20T11:00';");
        driver.findElement(By.id("participantsOnsite")).clear();
        driver.findElement(By.id("participantsOnsite")).sendKeys("150");
        page.click(By.cssSelector("form.kepu-activity-form button[type='submit']"));
        wait.until(ExpectedConditions.urlMatches(".*/activities/\\d+$"));
        assertThat(driver.getPageSource()).contains(title);
        assertNoSidewaysScroll();

        Path photo = Files.createTempFile("phone-photo", ".png");
        BufferedImage img = new BufferedImage(2600, 1200, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 2600; x += 7) {
            for (int y = 0; y < 1200; y += 5) {
                img.setRGB(x, y, (int) (Math.random() * 0xFFFFFF));
            }
        }
        ImageIO.write(img, "png", photo.toFile());
        driver.findElement(By.id("evidence-gallery")).sendKeys(photo.toString());
        page.click(By.cssSelector("#evidence-upload button[type='submit']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已上传 1 个文件"));
        String thumb = driver.findElement(By.cssSelector("#evidence + .row img")).getAttribute("src");
        assertThat(thumb).contains("/thumbnail");
        assertThat(driver.getPageSource()).contains(".jpg");
        screenshot("activity-detail");

        page.click(By.xpath("//button[contains(., '提交审核')]"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBe(By.id("activity-status"), "待审核"));
        String detailUrl = driver.getCurrentUrl();

        driver.manage().deleteAllCookies();
        page.login("phone-admin");
        page.open("/activities?status=SUBMITTED");
        assertNoSidewaysScroll();
        screenshot("activity-list");
        assertThat(driver.getPageSource()).contains(title);
        // On a phone each row is a card: no table header, and a tap anywhere on the card opens the record.
        assertThat(driver.findElement(By.cssSelector(".kepu-rows thead")).isDisplayed()).isFalse();
        var card = driver.findElement(By.xpath("//table[contains(@class,'kepu-rows')]//tr[.//a[text()='" + title
                + "']]"));
        var facts = card.findElement(By.cssSelector(".kepu-m2"));
        assertThat(facts.isDisplayed()).isTrue();
        assertThat(card.getText()).contains(title).contains("待审核").contains("参与人数 150");
        page.scrollTo(card);
        screenshot("activity-list-cards");
        // a tap at the place of the facts line, not on the title link (the card's link covers the whole card)
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(facts).click().perform();
        wait.until(ExpectedConditions.urlToBe(detailUrl));
        page.click(By.xpath("//button[contains(., '审核通过')]"));
        wait.until(ExpectedConditions.textToBe(By.id("activity-status"), "已审核"));
        assertNoSidewaysScroll();

        // The dashboard of the village for 2026 counts it, and its figure leads back to the record.
        page.open("/dashboard?year=2026&division=" + TestFixtures.VILLAGE_A1);
        assertNoSidewaysScroll();
        screenshot("dashboard-phone");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("150");
        String drillDown = driver.findElements(By.cssSelector("main a[href*='status=COUNTED']")).get(0)
                .getAttribute("href");
        assertThat(drillDown).contains("division=" + TestFixtures.VILLAGE_A1).contains("year=2026");
        driver.get(drillDown);
        assertThat(driver.getPageSource()).contains(title);
    }





    private void screenshot(String name) throws java.io.IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }

    private void assertNoSidewaysScroll() {
        Object scroll = page.js("return document.documentElement.scrollWidth;");
        Object inner = page.js("return window.innerWidth;");
        assertThat(((Number) scroll).longValue()).as("page width on " + driver.getCurrentUrl())
                .isLessThanOrEqualTo(((Number) inner).longValue());
    }
}
