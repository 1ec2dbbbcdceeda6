package org.kepu.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: takes the plan chapter's screenshots (docs/user-guide/img/plan-*.png) from a running demo instance,
 * like {@link DocsScreenshotTour}: start the demo, then
 * {@code ./mvnw -q test -Dtest=PlanScreenshotTour -Dkepu.docs.url=http://localhost:8080 -Dsurefire.failIfNoSpecifiedTests=false}.
 * It leaves one unsaved import draft (of seed 003) behind.
 */
@EnabledIfSystemProperty(named = "kepu.docs.url", matches = "http.+")
class PlanScreenshotTour {


    @Test
    void takeScreenshots() throws Exception {
        String base = System.getProperty("kepu.docs.url");
        Files.createDirectories(DocsShots.DIR);
        WebDriver desktop = BrowserSupport.start(new Dimension(1366, 1000));
        try {
            DocsShots.login(desktop, base, "office");
            DocsShots.shoot(desktop, base + "/plans", "plan-list");
            desktop.get(base + "/plans");
            String plan = desktop.findElement(By.cssSelector("a.kepu-plan-link")).getAttribute("href");
            DocsShots.shoot(desktop, plan, "plan-tree");
            ((JavascriptExecutor) desktop).executeScript(
                    "document.querySelector('.kepu-leaf').scrollIntoView({block: 'center'});");
            DocsShots.save(desktop, "plan-tree-tasks");
            String edit = desktop.findElement(By.cssSelector(".kepu-leaf a[href$='/edit']")).getAttribute("href");
            DocsShots.shoot(desktop, edit, "plan-task-form");
            desktop.get(base + "/plans/import");
            String text = Files.readString(Path.of("src/test/resources/plan-text/004_a13e3dfd61d84f37.txt"));
            ((JavascriptExecutor) desktop).executeScript("document.getElementById('text').value = arguments[0];",
                    text);
            DocsShots.save(desktop, "plan-import");
            desktop.findElement(By.cssSelector("form[action='/plans/import'] button[type=submit]")).click();
            new WebDriverWait(desktop, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*/import/\\d+$"));
            DocsShots.save(desktop, "plan-import-preview");
            ((JavascriptExecutor) desktop).executeScript(
                    "document.querySelector('.kepu-name-row').scrollIntoView({block: 'start'});");
            DocsShots.save(desktop, "plan-import-names");
            ((JavascriptExecutor) desktop).executeScript(
                    "document.getElementById('preview-tree').scrollIntoView({block: 'start'});");
            DocsShots.save(desktop, "plan-import-tree");
            desktop.findElement(By.cssSelector("form[action^='/plans/import/'] button[formaction$='/discard']"));
            DocsShots.shoot(desktop, base + "/responsibilities", "plan-responsibility-units");
            desktop.findElement(By.xpath("//a[contains(., '县农业农村局')]")).click();
            new WebDriverWait(desktop, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/responsibilities"));
            DocsShots.save(desktop, "plan-responsibilities");
            desktop.get(base + "/units?q=" + java.net.URLEncoder.encode("科技创新中心", java.nio.charset.StandardCharsets.UTF_8));
            desktop.get(desktop.findElement(By.cssSelector("#unit-results a[href^='/units/']")).getAttribute("href"));
            ((JavascriptExecutor) desktop).executeScript(
                    "document.getElementById('aliases').scrollIntoView({block: 'start'});");
            DocsShots.save(desktop, "unit-aliases");
        } finally {
            desktop.quit();
        }
        WebDriver phone = BrowserSupport.start(BrowserSupport.PHONE);
        try {
            DocsShots.login(phone, base, "liaison");
            DocsShots.shoot(phone, base + "/responsibilities", "plan-responsibilities-phone");
            phone.get(base + "/plans");
            String plan = phone.findElement(By.cssSelector("a.kepu-plan-link")).getAttribute("href");
            DocsShots.shoot(phone, plan, "plan-tree-phone");
            ((JavascriptExecutor) phone).executeScript(
                    "document.querySelector('.kepu-leaf').scrollIntoView({block: 'start'});");
            DocsShots.save(phone, "plan-tree-phone-tasks");
        } finally {
            phone.quit();
        }
    }
}
