package org.kepu.cockpit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kepu.browser.BrowserSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: takes the screenshots of docs/user-guide/cockpit.md from a running demo instance. Start the demo
 * ({@code ./mvnw spring-boot:run}), then {@code ./mvnw -q test -Dtest=CockpitScreenshotTour
 * -Dkepu.docs.url=http://localhost:8080 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "kepu.docs.url", matches = "http.+")
class CockpitScreenshotTour {

    static final Path DIR = Path.of("docs", "user-guide", "img");

    @Test
    void takeScreenshots() throws Exception {
        Files.createDirectories(DIR);
        WebDriver desktop = login(new Dimension(1366, 1400), "leader");
        try {
            open(desktop, "/cockpit", "#cockpit-divisions [data-chart] canvas");
            save(desktop, "cockpit-desktop");
            scrollTo(desktop, "cockpit-units");
            save(desktop, "cockpit-units-plans");
            open(desktop, "/indicators/dashboard", ".kepu-spark canvas");
            save(desktop, "indicator-dashboard");
            open(desktop, "/indicators/rankings?indicator=activities_per_10k&sort=per10k", "[data-chart] canvas");
            save(desktop, "indicator-rankings");
            ((HasCdp) desktop).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
            open(desktop, "/cockpit/wall", "#wall-chart-units canvas");
            save(desktop, "cockpit-wall");
        } finally {
            desktop.quit();
        }
        WebDriver phone = login(BrowserSupport.PHONE, "leader");
        try {
            open(phone, "/cockpit", "#cockpit-divisions [data-chart] canvas");
            save(phone, "cockpit-phone");
        } finally {
            phone.quit();
        }
    }

    private static WebDriver login(Dimension size, String user) throws java.io.IOException {
        WebDriver driver = BrowserSupport.start(size);
        driver.get(System.getProperty("kepu.docs.url") + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(System.getProperty("kepu.docs.password", "Kepu@2026demo"));
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return driver;
    }

    private static void open(WebDriver driver, String path, String ready) throws InterruptedException {
        driver.get(System.getProperty("kepu.docs.url") + path);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ready)));
        Thread.sleep(1500); // let the charts finish their animation before the picture
    }

    private static void scrollTo(WebDriver driver, String id) throws InterruptedException {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
        Thread.sleep(500);
    }

    private static void save(WebDriver driver, String name) throws java.io.IOException {
        Files.copy(BrowserSupport.screenshot(driver, name), DIR.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
