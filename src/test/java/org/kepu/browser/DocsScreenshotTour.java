package org.kepu.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: takes the user guide's screenshots from a running demo instance. Start the demo
 * ({@code ./mvnw spring-boot:run}), then
 * {@code ./mvnw -q test -Dtest=DocsScreenshotTour -Dkepu.docs.url=http://localhost:8080 -Dsurefire.failIfNoSpecifiedTests=false}.
 * The pictures go to {@code docs/screenshots/tour-*.png}.
 */
@EnabledIfSystemProperty(named = "kepu.docs.url", matches = "http.+")
class DocsScreenshotTour {

    @Test
    void takeScreenshots() throws Exception {
        String base = System.getProperty("kepu.docs.url");
        WebDriver driver = BrowserSupport.start(BrowserSupport.DESKTOP);
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys("office");
            driver.findElement(By.id("password")).sendKeys(System.getProperty("kepu.docs.password", "Kepu@2026demo"));
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            Path dir = Files.createDirectories(Path.of("docs", "screenshots"));
            String[][] pages = {
                {"/divisions/360734", "tour-divisions"},
                {"/units", "tour-units"},
                {"/activities", "tour-activities"},
                {"/activities/ledger/import", "tour-ledger-import"},
                {"/dashboard", "tour-dashboard"},
            };
            for (String[] page : pages) {
                driver.get(base + page[0]);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
                Thread.sleep(1500); // let the charts finish their animation before the picture
                Files.copy(BrowserSupport.screenshot(driver, page[1]), dir.resolve(page[1] + ".png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            driver.get(base + "/units");
            driver.findElements(By.cssSelector("main a[href^='/units/']")).stream()
                    .filter(a -> a.getAttribute("href").matches(".*/units/\\d+$")).findFirst()
                    .ifPresent(a -> driver.get(a.getAttribute("href")));
            Files.copy(BrowserSupport.screenshot(driver, "tour-unit-detail"), dir.resolve("tour-unit-detail.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
        }
    }
}
