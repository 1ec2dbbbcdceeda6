package org.kepu.browser;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Not a test: takes the progress chapter's screenshots (docs/user-guide/img/progress-*.png) from a running demo
 * instance: start the demo, then
 * {@code ./mvnw -q test -Dtest=ProgressScreenshotTour -Dkepu.docs.url=http://localhost:8080 -Dsurefire.failIfNoSpecifiedTests=false}.
 * Changes nothing.
 */
@EnabledIfSystemProperty(named = "kepu.docs.url", matches = "http.+")
class ProgressScreenshotTour {


    @Test
    void takeScreenshots() throws Exception {
        String base = System.getProperty("kepu.docs.url");
        Files.createDirectories(DocsShots.DIR);
        WebDriver desktop = BrowserSupport.start(BrowserSupport.DESKTOP);
        try {
            DocsShots.login(desktop, base, "office");
            DocsShots.shoot(desktop, base + "/progress/review", "progress-review");
            String report = desktop.findElement(By.cssSelector("#review-queue a[href^='/progress/reports/']"))
                    .getAttribute("href");
            DocsShots.shoot(desktop, report, "progress-report");
            DocsShots.shoot(desktop, base + "/progress/status", "progress-status");
            DocsShots.shoot(desktop, base + "/progress/matrix", "progress-matrix");
            String task = desktop.findElement(By.cssSelector("#matrix thead a")).getAttribute("href");
            DocsShots.shoot(desktop, task, "progress-task");
            DocsShots.shoot(desktop, base + "/progress/annual", "progress-annual-list");
        } finally {
            desktop.quit();
        }
        WebDriver phone = BrowserSupport.start(BrowserSupport.PHONE);
        try {
            DocsShots.login(phone, base, "liaison");
            DocsShots.shoot(phone, base + "/progress/my", "progress-my-phone");
            ((JavascriptExecutor) phone).executeScript(
                    "document.getElementById('my-tasks').scrollIntoView({block: 'start'});");
            DocsShots.save(phone, "progress-my-phone-tasks");
            String form = phone.findElement(By.cssSelector("#my-returned a.btn")).getAttribute("href");
            DocsShots.shoot(phone, form, "progress-form-phone");
            ((JavascriptExecutor) phone).executeScript(
                    "document.querySelector('.kepu-figure-row').scrollIntoView({block: 'start'});");
            DocsShots.save(phone, "progress-form-phone-figures");
            if (BrowserSupport.scrollsHorizontally(phone)) {
                throw new AssertionError("the report form scrolls horizontally on a phone");
            }
        } finally {
            phone.quit();
        }
    }
}
