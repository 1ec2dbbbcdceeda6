package org.kepu.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Steps of the user-guide screenshot tours, which run against a demo instance ({@code -Dkepu.docs.url}): sign in
 * with a demo account, open a page and save its screenshot into {@code docs/user-guide/img}.
 */
final class DocsShots {

    static final Path DIR = Path.of("docs", "user-guide", "img");

    private DocsShots() {
    }

    static void login(WebDriver driver, String base, String user) {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(System.getProperty("kepu.docs.password", "Kepu@2026demo"));
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    static void shoot(WebDriver driver, String url, String name) throws Exception {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        save(driver, name);
    }

    static void save(WebDriver driver, String name) throws Exception {
        Thread.sleep(300);
        Files.copy(BrowserSupport.screenshot(driver, name), DIR.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
