package jp.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, on the resident portal, mostly by keyboard: a family moving in (転入) with two children of
 * different school ages — one at elementary school, one at junior high — answers the guide's questions and gets
 * every procedure with its deadline, the printable checklist and a share link that works without the answers —
 * on a phone-sized window.
 */
@MadoguchiIntegrationTest
class GuideBrowserTest {

    @LocalServerPort int port;
    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(390, 844)); // a phone
    }

    @AfterEach
    void closeBrowser() throws Exception {
        Browser.quit(browser, "guide-tennyu");
    }

    /** The answer to each question the guide may ask, by question id. */
    static final Map<String, String> ANSWERS = Map.of(
            "moveInDate", "令和8年4月3日",
            "hasMyNumberCard", "yes",
            "insurance", "kokuho",
            "hasChildren", "yes",
            "koumuin", "no",
            "hasSeniors", "no",
            "wantsInkan", "no");

    private String current() {
        return browser.findElement(By.name("current")).getDomAttribute("value");
    }

    private void next() {
        submitting(() -> browser.findElement(By.cssSelector(".actions button[value=next]")).click());
    }

    void submitting(Runnable action) {
        Browser.submitting(browser, action);
    }

    /** Chooses a radio button by keyboard: focus it, press Space. */
    private void chooseRadio(String id) {
        WebElement radio = browser.findElement(By.id(id));
        radio.sendKeys(Keys.SPACE);
        assertThat(radio.isSelected()).isTrue();
    }

    @Test
    void aFamilyMovingInWithTwoSchoolChildrenGetsEveryProcedure() {
        browser.get("http://localhost:" + port + "/");
        Browser.submitting(browser, () -> browser.findElement(By.linkText("手続き案内")).click());
        Browser.submitting(browser, () -> browser.findElement(By.linkText("引っ越してきた（転入）")).click());
        assertThat(browser.findElement(By.id("progress")).getText()).startsWith("質問 1");

        // An impossible date first: the error is shown on the question, nothing is lost.
        submitting(() -> browser.findElement(By.id("q-moveInDate")).sendKeys("2026-02-30", Keys.ENTER));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("日付として読めません");
        WebElement date = browser.findElement(By.id("q-moveInDate"));
        date.clear();
        submitting(() -> date.sendKeys(ANSWERS.get("moveInDate"), Keys.ENTER));

        for (int step = 0; step < 20 && !browser.findElements(By.name("current")).isEmpty(); step++) {
            String id = current();
            switch (id) {
                case "children" -> {
                    browser.findElement(By.id("q-children-0-birthDate")).sendKeys("2016-06-10"); // 小学4年
                    submitting(() -> browser.findElement(By.xpath("//button[@value='add']")).click());
                    browser.findElement(By.id("q-children-1-birthDate")).sendKeys("平成24年9月1日"); // 中学2年
                    next();
                }
                case "pets" -> next(); // nothing chosen
                case "insurance" -> {
                    chooseRadio("q-insurance-1");
                    next();
                }
                default -> {
                    String answer = ANSWERS.get(id);
                    assertThat(answer).as("an answer for question %s", id).isNotNull();
                    String radio = "q-" + id + (answer.equals("yes") ? "-yes" : "-no");
                    chooseRadio(radio);
                    submitting(() -> browser.findElement(By.id(radio)).sendKeys(Keys.ENTER));
                }
            }
        }

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("引っ越してきた（転入） の手続き一覧");
        String summary = browser.findElement(By.id("summary")).getText();
        assertThat(summary).contains("必要な手続き", "オンラインで完了できる", "窓口での手続き", "いちばん早い期限");
        String todo = browser.findElement(By.id("todo-heading")).findElement(By.xpath("..")).getText();
        assertThat(todo).contains("転入届", "2026年（令和8年）4月17日（金）まで", "国民健康保険",
                "児童手当", "2026年（令和8年）4月20日（月）まで", "転入学");
        List<WebElement> procedures = browser.findElements(By.cssSelector("#todo-heading ~ article"));
        assertThat(procedures).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.findElement(By.id("p-jidou-teate-nintei")).getText())
                .contains("あなたの回答", "お子さん1", "お子さん2");

        String shareUrl = browser.findElement(By.id("share-link")).getDomProperty("value");
        assertThat(shareUrl).contains("/guide/shared/").doesNotContain("2026").doesNotContain("kokuho");

        submitting(() -> browser.findElement(By.xpath("//button[normalize-space()='印刷用チェックリスト']")).click());
        String checklist = browser.findElement(By.tagName("main")).getText();
        assertThat(checklist).contains("手続きチェックリスト", "転入届", "4月17日（金）", "児童手当");

        browser.get(shareUrl);
        String shared = browser.findElement(By.tagName("main")).getText();
        assertThat(shared).contains("転入届", "児童手当", "転入学", "回答や日付は含まれない").doesNotContain("4月17日");
    }
}
