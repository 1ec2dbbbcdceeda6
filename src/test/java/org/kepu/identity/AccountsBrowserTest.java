package org.kepu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.TestFixtures;
import org.kepu.browser.BrowserSupport;
import org.kepu.shared.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a phone-sized window: a new account signs in, is sent to the password change, sets a new password, creates
 * an API token; the audit admin sees the sign-ins in the log. Screenshots go to target/screenshots/identity-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        browser = BrowserSupport.start(BrowserSupport.PHONE);
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    private void shot(String name) throws Exception {
        BrowserSupport.screenshot(browser, "identity-" + name);
    }

    private void signIn(String username, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    }

    private void signOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void firstSignInOnAPhone() throws Exception {
        new TestFixtures(jdbc).ensure();
        var accounts = new Accounts(jdbc, encoder);
        String u = Accounts.unique("phone");
        accounts.create(u, Role.VILLAGE_RECORDER, TestFixtures.VILLAGE_A1, true, null);
        String auditor = Accounts.unique("auditor");
        accounts.create(auditor, Role.AUDIT_ADMIN, null, false, null);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get("http://localhost:" + port + "/login");
        shot("01-login");
        assertNoHorizontalScroll();
        signIn(u, Accounts.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/account/password"));
        browser.findElement(By.id("currentPassword")).sendKeys(Accounts.PASSWORD);
        browser.findElement(By.id("newPassword")).sendKeys("Phone#First2026");
        browser.findElement(By.id("confirmPassword")).sendKeys("Phone#First2026");
        shot("02-forced-password-change");
        assertNoHorizontalScroll();
        browser.findElement(By.cssSelector("form[action='/account/password'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/account"));
        shot("03-account");
        assertNoHorizontalScroll();

        browser.get("http://localhost:" + port + "/account/tokens");
        browser.findElement(By.id("name")).sendKeys("手机测试");
        browser.findElement(By.cssSelector("form[action='/account/tokens'] button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("code.user-select-all")));
        assertThat(browser.findElement(By.cssSelector("code.user-select-all")).getText()).startsWith("kepu_");
        shot("04-token-created");
        assertNoHorizontalScroll();

        signOut();
        signIn(auditor, Accounts.PASSWORD);
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
        browser.get("http://localhost:" + port + "/audit?user=" + u);
        assertThat(browser.getPageSource()).contains("登录成功").contains("生成 API 令牌");
        browser.findElement(By.cssSelector("form[action='/audit/verify'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chain-result")));
        assertThat(browser.findElement(By.id("chain-result")).getText()).contains("日志链完整");
        shot("05-audit");
        assertNoHorizontalScroll();

        signOut();
        String sys = Accounts.unique("sys");
        accounts.create(sys, Role.SYS_ADMIN, null, false, null);
        signIn(sys, Accounts.PASSWORD);
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
        browser.get("http://localhost:" + port + "/admin/users?q=" + u);
        assertThat(browser.getPageSource()).contains(u);
        shot("06-admin-users");
        assertNoHorizontalScroll();
        browser.get("http://localhost:" + port + "/admin/users/new");
        shot("07-admin-new-user");
        assertNoHorizontalScroll();
    }

    /** Stricter than the viewport check: a classic scrollbar makes innerWidth include its own width. */
    private void assertNoHorizontalScroll() {
        Object wider = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        assertThat(wider).isEqualTo(false);
    }
}
