package org.kepu.indicator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kepu.browser.BrowserSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: takes the screenshots of docs/user-guide/indicators.md from a running demo instance. Start the demo
 * ({@code ./mvnw spring-boot:run}), then {@code ./mvnw -q test -Dtest=IndicatorScreenshotTour
 * -Dkepu.docs.url=http://localhost:8080 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "kepu.docs.url", matches = "http.+")
class IndicatorScreenshotTour {

    @Test
    void takeScreenshots() throws Exception {
        String base = System.getProperty("kepu.docs.url");
        WebDriver driver = BrowserSupport.start(new org.openqa.selenium.Dimension(1366, 1300));
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys("office");
            driver.findElement(By.id("password")).sendKeys(System.getProperty("kepu.docs.password", "Kepu@2026demo"));
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            Path dir = Files.createDirectories(Path.of("docs", "screenshots"));
            driver.get(base + "/indicators");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            save(driver, dir, "indicators-list");
            String href = driver.findElement(By.cssSelector("tr[data-indicator='village_coverage'] td a"))
                    .getAttribute("href");
            driver.get(href);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart] canvas")));
            Thread.sleep(1500); // let the charts finish their animation before the picture
            save(driver, dir, "indicators-detail");
            driver.get(base + "/indicators/elements/new");
            save(driver, dir, "indicators-element-form");
        } finally {
            driver.quit();
        }
    }

    private static void save(WebDriver driver, Path dir, String name) throws java.io.IOException {
        Files.copy(BrowserSupport.screenshot(driver, name), dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
