package jp.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.card.internal.SimulatedCardDeck;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import jp.madoguchi.support.MadoguchiIntegrationTest;

/**
 * In a real browser: a counter clerk puts a simulated card on the reader (the demo's resident whose card still shows
 * the address before a move within the town), types a wrong PIN and is told how many tries are left, types the right
 * one, sees the card beside the register record with the address difference marked, and opens the record.
 */
@MadoguchiIntegrationTest
class CardIdentifyBrowserTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();

    @LocalServerPort int port;
    @Autowired SimulatedCardDeck deck;
    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        Browser.quit(browser, "card-identify");
    }

    @Test
    void aWrongThenTheRightPinShowsTheCardBesideTheRecordWithTheAddressMismatch() {
        deck.find("demo-moved").orElseThrow().resetTries();
        Browser.signInToOffice(browser, port, DEMO, "madoguchi", DemoDataLoader.DEMO_PASSWORD);

        Browser.submitting(browser, () -> browser.findElement(By.linkText("マイナンバーカードで本人確認")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("マイナンバーカードで本人確認");
        assertThat(browser.findElement(By.id("simulator-notice")).getText()).contains("シミュレーターモード");

        new Select(browser.findElement(By.id("card"))).selectByValue("demo-moved");
        browser.findElement(By.id("pin")).sendKeys("9999");
        Browser.submitting(browser, () -> browser.findElement(By.cssSelector("#card-read-form button[type=submit]")).click());

        WebElement error = browser.findElement(By.id("error-summary"));
        assertThat(error.getText()).contains("暗証番号が違います（残り2回）");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        assertThat(browser.findElement(By.id("pin")).getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("pin")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(new Select(browser.findElement(By.id("card"))).getFirstSelectedOption().getText())
                .contains("残り 2回");

        browser.findElement(By.id("pin")).sendKeys("1234");
        Browser.submitting(browser, () -> browser.findElement(By.cssSelector("#card-read-form button[type=submit]")).click());

        assertThat(browser.findElement(By.id("result-heading")).getText()).isEqualTo("照合結果：本人の記録が見つかりました");
        assertThat(browser.findElements(By.id("error-summary"))).isEmpty();
        WebElement address = browser.findElement(By.cssSelector("table.comparison tr[data-field=ADDRESS]"));
        assertThat(address.getAttribute("class")).contains("mismatch");
        assertThat(address.getText()).contains("要確認：相違")
                .contains("住所がカードと住民記録で異なります（カードの住所変更が未了の可能性）");
        WebElement name = browser.findElement(By.cssSelector("table.comparison tr[data-field=NAME]"));
        assertThat(name.getAttribute("class")).doesNotContain("mismatch");
        assertThat(browser.findElement(By.id("card-facts")).getText()).containsPattern("\\*{8}[0-9]{4}");
        assertThat(new Select(browser.findElement(By.id("card"))).getFirstSelectedOption().getText())
                .contains("残り 3回");

        Browser.submitting(browser, () -> browser.findElement(By.partialLinkText("さんの住民記録を開く")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("住民記録");
        assertThat(browser.getPageSource()).contains("来庁受付の本人確認");
    }
}
