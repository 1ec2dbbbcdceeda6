package org.kepu.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kepu.browser.BrowserSupport;
import org.kepu.shared.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a desktop screen: the office pastes seed 004, resolves an unmatched name in the preview (县乡村振兴局 → the
 * existing 县农业农村局, kept as its alias), saves, sees the task tree, and opens that unit's responsibility list
 * from the tree. Runs in failsafe (headless Chromium).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlanImportBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void start() throws java.io.IOException {
        driver = BrowserSupport.start(BrowserSupport.DESKTOP);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void officeImportsSeed004ResolvesANameSavesAndSeesTheResponsibilityList() throws Exception {
        PlanTestWorld world = new PlanTestWorld(jdbc).ensure();
        world.user("plan-browser-office", Role.OFFICE_ADMIN, PlanTestWorld.COUNTY);
        long agriculture = world.unitId("县农业农村局");

        login("plan-browser-office");
        open("/plans");
        click(By.linkText("从文件导入"));
        wait.until(ExpectedConditions.urlMatches(".*/plans/import$"));
        js("document.getElementById('text').value = arguments[0];", PlanTestWorld.seed("004"));
        click(By.cssSelector("form[action='/plans/import']:not([enctype]) button[type=submit]"));
        wait.until(ExpectedConditions.urlMatches(".*/plans/import/\\d+$"));
        assertThat(driver.findElement(By.id("import-counts")).getText()).contains("74 项任务");
        BrowserSupport.screenshot(driver, "plan-import-preview");

        WebElement row = driver.findElement(By.xpath(
                "//div[contains(@class,'kepu-name-row')][.//span[@class='fw-semibold' and text()='县乡村振兴局']]"));
        assertThat(row.getText()).contains("未匹配到成员单位");
        WebElement action = row.findElement(By.cssSelector("select[data-resolution]"));
        scrollTo(action);
        new Select(action).selectByValue("UNIT");
        WebElement unit = row.findElement(By.cssSelector(".kepu-pick-unit select"));
        wait.until(ExpectedConditions.visibilityOf(unit));
        new Select(unit).selectByVisibleText("县农业农村局");
        click(row.findElement(By.cssSelector(".kepu-pick-unit input[type=checkbox] + label")));
        click(By.id("import-refresh"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-tree"),
                "县乡村振兴局 → 县农业农村局"));

        click(By.id("import-save"));
        wait.until(ExpectedConditions.urlMatches(".*/plans/\\d+$"));
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("已导入：74 项任务", "新增别名 1 个", "实施青少年科学素质提升行动", "寻府办字〔2022〕5号");
        assertThat(driver.findElement(By.id("plan-stats")).getText()).contains("共 74 项任务");
        BrowserSupport.screenshot(driver, "plan-imported-tree");
        assertThat(jdbc.sql("select count(*) from member_unit_alias where unit_id = :u and alias = '县乡村振兴局'")
                .param("u", agriculture).query(Long.class).single()).isEqualTo(1);

        click(By.cssSelector("#plan-tree a.kepu-unit[href='/units/" + agriculture + "/responsibilities']"));
        wait.until(ExpectedConditions.urlContains("/units/" + agriculture + "/responsibilities"));
        String list = driver.findElement(By.tagName("main")).getText();
        assertThat(list).contains("县农业农村局责任清单", "实施农民科学素质提升行动", "开展智慧助老行动");
        WebElement smartAged = driver.findElement(By.xpath("//tr[.//a[text()='开展智慧助老行动']]"));
        assertThat(smartAged.getText()).contains("二（四）1．", "配合", "县委宣传部");
        BrowserSupport.screenshot(driver, "plan-unit-responsibilities");
        assertThat(BrowserSupport.scrollsHorizontally(driver)).isFalse();
    }

    private void login(String username) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("unusable-in-tests");
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void click(By by) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(by)));
    }

    private void click(WebElement el) {
        scrollTo(el);
        try {
            wait.until(ExpectedConditions.elementToBeClickable(el)).click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            js("arguments[0].click();", el);
        }
    }

    private void scrollTo(WebElement el) {
        js("arguments[0].scrollIntoView({block: 'center'});", el);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
