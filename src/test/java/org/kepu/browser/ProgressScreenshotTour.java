package org.kepu.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: takes the progress chapter's screenshots (docs/user-guide/img/progress-*.png) from a running demo
 * instance: start the demo, then
 * {@code ./mvnw -q test -Dtest=ProgressScreenshotTour -Dkepu.docs.url=http://localhost:8080 -Dsurefire.failIfNoSpecifiedTests=false}.
 * Changes nothing.
 */
@EnabledIfSystemProperty(named = "kepu.docs.url", matches = "http.+")
class ProgressScreenshotTour {

    static final Path DIR = Path.of("docs", "user-guide", "img");

    @Test
    void takeScreenshots() throws Exception {
        String base = System.getProperty("kepu.docs.url");
        Files.createDirectories(DIR);
        WebDriver desktop = BrowserSupport.start(BrowserSupport.DESKTOP);
        try {
            login(desktop, base, "office");
            shoot(desktop, base + "/progress/review", "progress-review");
            String report = desktop.findElement(By.cssSelector("#review-queue a[href^='/progress/reports/']"))
                    .getAttribute("href");
            shoot(desktop, report, "progress-report");
            shoot(desktop, base + "/progress/status", "progress-status");
            shoot(desktop, base + "/progress/matrix", "progress-matrix");
            String task = desktop.findElement(By.cssSelector("#matrix thead a")).getAttribute("href");
            shoot(desktop, task, "progress-task");
            shoot(desktop, base + "/progress/annual", "progress-annual-list");
        } finally {
            desktop.quit();
        }
        WebDriver phone = BrowserSupport.start(BrowserSupport.PHONE);
        try {
            login(phone, base, "liaison");
            shoot(phone, base + "/progress/my", "progress-my-phone");
            ((JavascriptExecutor) phone).executeScript(
                    "document.getElementById('my-tasks').scrollIntoView({block: 'start'});");
            save(phone, "progress-my-phone-tasks");
            String form = phone.findElement(By.cssSelector("#my-returned a.btn")).getAttribute("href");
            shoot(phone, form, "progress-form-phone");
            ((JavascriptExecutor) phone).executeScript(
                    "document.querySelector('.kepu-figure-row').scrollIntoView({block: 'start'});");
            save(phone, "progress-form-phone-figures");
            if (BrowserSupport.scrollsHorizontally(phone)) {
                throw new AssertionError("the report form scrolls horizontally on a phone");
            }
        } finally {
            phone.quit();
        }
    }

    private static void login(WebDriver driver, String base, String user) {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(System.getProperty("kepu.docs.password", "Kepu@2026demo"));
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static void shoot(WebDriver driver, String url, String name) throws Exception {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        save(driver, name);
    }

    private static void save(WebDriver driver, String name) throws Exception {
        Thread.sleep(300);
        Files.copy(BrowserSupport.screenshot(driver, name), DIR.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
