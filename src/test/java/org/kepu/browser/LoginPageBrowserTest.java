package org.kepu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginPageBrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void wrongPasswordShowsAChineseErrorOnAPhone() throws Exception {
        driver = BrowserSupport.start(BrowserSupport.PHONE);
        driver.get("http://localhost:" + port + "/");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        driver.findElement(By.id("username")).sendKeys("nobody");
        driver.findElement(By.id("password")).sendKeys("wrong-password");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText()).contains("用户名或密码错误");
        assertThat(BrowserSupport.scrollsHorizontally(driver)).isFalse();
        BrowserSupport.screenshot(driver, "login-phone-error");
    }
}
