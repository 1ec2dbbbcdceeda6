package org.kepu.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The steps every browser test repeats, against the application on {@code port}: open a path, sign in as a test
 * account (created by the fixtures with the password {@value #TEST_PASSWORD}), click what may first need scrolling
 * into view, run a script.
 */
public final class BrowserPage {

    public static final String TEST_PASSWORD = "unusable-in-tests";

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final int port;

    public BrowserPage(WebDriver driver, WebDriverWait wait, int port) {
        this.driver = driver;
        this.wait = wait;
        this.port = port;
    }

    public BrowserPage(WebDriver driver, int port) {
        this(driver, new WebDriverWait(driver, Duration.ofSeconds(30)), port);
    }

    public WebDriverWait waiter() {
        return wait;
    }

    public void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    public void login(String username) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(TEST_PASSWORD);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Signs out by dropping the cookies, then signs in as {@code username}. */
    public void relogin(String username) {
        driver.manage().deleteAllCookies();
        login(username);
    }

    public void click(By by) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(by)));
    }

    public void click(WebElement el) {
        scrollTo(el);
        try {
            wait.until(ExpectedConditions.elementToBeClickable(el)).click();
        } catch (ElementClickInterceptedException e) {
            js("arguments[0].click();", el);
        }
    }

    public void scrollTo(WebElement el) {
        // instant: Bootstrap turns on smooth scrolling, and a click or screenshot would land mid-scroll
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", el);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
