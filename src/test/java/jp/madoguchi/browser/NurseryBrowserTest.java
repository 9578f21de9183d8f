package jp.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.madoguchi.nursery.AdmissionInstance;
import jp.madoguchi.nursery.GeneratorParameters;
import jp.madoguchi.nursery.InstanceGenerator;
import jp.madoguchi.nursery.internal.InstanceCsv;
import jp.madoguchi.nursery.internal.RoundInput;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.TestMunicipality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, in the office: an administrator creates an admission round, imports the facilities (a
 * Shift_JIS file) and the applications, runs the baseline and the optimal mode (each in the background; the page
 * follows the run's state by itself), compares the two runs, inspects a child's explanation and publishes a result.
 */
@MadoguchiIntegrationTest
class NurseryBrowserTest {

    static final String CODE = "205851";

    @LocalServerPort int port;
    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        TestMunicipality.create(municipalities, staff, register, CODE, "テスト保育村", "ホイク\u3000ハナコ");
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        Browser.quit(browser, "nursery");
    }

    private void waitForText(By by, String text, int seconds) {
        new WebDriverWait(browser, Duration.ofSeconds(seconds))
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}, for a person to look at. */
    private void screenshot(String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private void submitAndWait(WebElement button) {
        Browser.submitting(browser, button::click);
    }

    @Test
    void importRunCompareInspectAndPublish() throws Exception {
        GeneratorParameters p = GeneratorParameters.defaults(36, 40, 4).withFiscalYear(2036);
        AdmissionInstance instance = InstanceGenerator.generate(p.withSiblings(0.2, p.siblingOptions()));
        Path facilities = Files.createTempFile("shisetsu", ".csv");
        Files.write(facilities, InstanceCsv.facilities(instance.facilities()).getBytes(Charset.forName("windows-31j")));
        Path applications = Files.createTempFile("moushikomi", ".csv");
        Files.write(applications, InstanceCsv.applications(instance, id -> "ブラウザ " + id,
                id -> new RoundInput.FamilyContact("保護者 " + id, null)).getBytes(StandardCharsets.UTF_8));

        Browser.signInToOffice(browser, port, CODE, "admin", TestMunicipality.PASSWORD);

        Browser.submitting(browser, () -> browser.findElement(By.linkText("保育所利用調整")).click());
        WebElement month = browser.findElement(By.id("month"));
        browser.executeScript("arguments[0].value = '2036-04';", month);
        submitAndWait(browser.findElement(By.xpath("//button[normalize-space()='作成する']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2036年度 4月一斉");

        browser.findElement(By.id("facilities-file")).sendKeys(facilities.toString());
        submitAndWait(browser.findElement(By.id("import-facilities")));
        assertThat(browser.findElement(By.id("import-outcome")).getText()).contains("取り込みました");
        Browser.submitting(browser, () -> browser.findElement(By.linkText("回の画面に戻る")).click());
        browser.findElement(By.id("applications-file")).sendKeys(applications.toString());
        submitAndWait(browser.findElement(By.id("import-applications")));
        assertThat(browser.findElement(By.id("import-outcome")).getText()).contains("取り込みました");
        Browser.submitting(browser, () -> browser.findElement(By.linkText("回の画面に戻る")).click());
        assertThat(browser.findElement(By.id("round-summary")).getText())
                .contains(instance.children().size() + "人（うち転園");
        screenshot("nursery-round");

        submitAndWait(browser.findElement(By.id("run-baseline")));
        waitForText(By.id("run-status"), "完了", 60);
        assertThat(browser.findElement(By.id("result-facts")).getText()).contains("入所・転園", "手順どおり");
        Browser.submitting(browser, () -> browser.findElement(By.linkText("2036年度 4月一斉")).click());
        WebElement seconds = browser.findElement(By.id("seconds"));
        seconds.clear();
        seconds.sendKeys("20");
        submitAndWait(browser.findElement(By.id("run-optimal")));
        waitForText(By.id("run-status"), "完了", 60);
        assertThat(browser.findElement(By.id("result-facts")).getText()).contains("最適（証明済み）");

        Browser.submitting(browser, () -> browser.findElement(By.linkText("2036年度 4月一斉")).click());
        submitAndWait(browser.findElement(By.id("compare-button")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("の比較");
        assertThat(browser.findElement(By.id("compare-by-age")).getText()).contains("0歳児", "1歳児");
        browser.navigate().back();

        Browser.submitting(browser, () -> browser.findElement(By.cssSelector("#runs tbody tr:first-child a")).click());
        Browser.submitting(browser, () -> browser.findElement(By.cssSelector("#children tbody tr:first-child a")).click());
        assertThat(browser.findElement(By.id("summary")).getText()).contains("指数", "優先順位");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ブラウザ ");
        screenshot("nursery-child");
        browser.navigate().back();

        submitAndWait(browser.findElement(By.id("publish-button")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("公開しました");
        assertThat(browser.findElement(By.id("letters-link")).getText()).contains("通知書");
    }
}
