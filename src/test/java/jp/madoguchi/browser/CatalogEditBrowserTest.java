package jp.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, in the office: an administrator of a municipality imports the default catalog, edits a rule of
 * 転入 in a draft — a typo is refused with its line and the text kept — previews the effect on the test personas and
 * publishes the draft, which becomes the version in force and appears in the history.
 */
@MadoguchiIntegrationTest
class CatalogEditBrowserTest {

    static final String CODE = "205958";

    @LocalServerPort int port;
    @Autowired MunicipalityDirectory municipalities;
    @Autowired StaffDirectory staff;
    @Autowired ResidentRegistration register;
    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        TestMunicipality.create(municipalities, staff, register, CODE, "テスト丁村", "テイノ\u3000ハナコ");
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        Browser.quit(browser, "catalog-edit");
    }

    /** Selects {@code text} in the textarea (by the DOM's selection API) and types {@code replacement} over it. */
    private void replaceInTextarea(WebElement textarea, String text, String replacement) {
        String value = textarea.getDomProperty("value");
        int start = value.indexOf(text);
        assertThat(start).as("%s in the file", text).isNotNegative();
        browser.executeScript("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);",
                textarea, start, start + text.length());
        textarea.sendKeys(replacement);
    }

    @Test
    void editPreviewAndPublishARule() {
        Browser.signInToOffice(browser, port, CODE, "admin", TestMunicipality.PASSWORD);

        Browser.submitting(browser, () -> browser.findElement(By.linkText("手続カタログ")).click());
        Browser.submitting(browser, () -> browser.findElement(By.xpath("//button[normalize-space()='標準カタログを取り込んで公開する']")).click());
        assertThat(browser.findElement(By.id("in-force")).getText()).contains("第1版");
        Browser.submitting(browser, () -> browser.findElement(By.xpath("//button[normalize-space()='下書きを作成して編集する']")).click());
        Browser.submitting(browser, () -> browser.findElement(By.linkText("events/tennyu.yaml")).click());

        WebElement textarea = browser.findElement(By.id("content"));
        replaceInTextarea(textarea, "when: wantsInkan\n", "when: wantsInkan or hasMyNumbrCard\n");
        Browser.submitting(browser, () -> browser.findElement(By.id("save-button")).click());
        String errors = browser.findElement(By.id("error-summary")).getText();
        assertThat(errors).contains("events/tennyu.yaml", "行目", "「hasMyNumbrCard」という質問はありません");

        textarea = browser.findElement(By.id("content"));
        assertThat(textarea.getDomProperty("value")).contains("hasMyNumbrCard");
        replaceInTextarea(textarea, "hasMyNumbrCard", "hasMyNumberCard");
        Browser.submitting(browser, () -> browser.findElement(By.id("save-button")).click());
        assertThat(browser.findElement(By.cssSelector(".notice-box")).getText()).contains("events/tennyu.yaml を保存しました");

        Browser.submitting(browser, () -> browser.findElement(By.id("preview-link")).click());
        assertThat(browser.findElement(By.id("preview-summary")).getText()).containsPattern("結果が変わるのは [1-9]");
        assertThat(browser.findElement(By.id("preview-table")).getText()).contains("＋ 追加: 印鑑登録",
                "期待されていない手続「inkan-touroku」");

        Browser.submitting(browser, () -> browser.findElement(By.linkText("下書きに戻る")).click());
        browser.findElement(By.id("note")).sendKeys("マイナンバーカードをお持ちの方にも印鑑登録を案内");
        Browser.submitting(browser, () -> browser.findElement(By.id("publish-button")).click());
        assertThat(browser.findElement(By.cssSelector(".notice-box")).getText()).contains("第2版を公開しました");
        assertThat(browser.findElement(By.id("in-force")).getText()).contains("第2版", "マイナンバーカードをお持ちの方にも");
        assertThat(browser.findElement(By.id("history-heading")).findElement(By.xpath("..")).getText())
                .contains("公開", "保存", "events/tennyu.yaml", "標準カタログの取り込み");
    }
}
