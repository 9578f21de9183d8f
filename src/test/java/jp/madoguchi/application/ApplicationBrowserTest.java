package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.notification.internal.SmtpTestDispatch;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In a real browser: a demo resident signs in, applies online for 児童手当 through every step (a child added, a
 * bank-book image uploaded), signs with the demo My Number Card and gets a 受付番号; a reviewer starts the review
 * and asks for a correction; the resident answers online; the reviewer decides. The three e-mails (receipt,
 * correction request, decision) arrive over SMTP.
 */
@MadoguchiIntegrationTest
class ApplicationBrowserTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired MunicipalityDirectory municipalities;
    @Autowired Clock clock;
    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        Browser.quit(browser, "application-jidou-teate");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void submitting(Runnable action) {
        Browser.submitting(browser, action);
    }

    void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    void click(String id) {
        submitting(() -> browser.findElement(By.id(id)).click());
    }

    String progress() {
        return browser.findElement(By.id("progress")).getText();
    }

    @Test
    void aResidentAppliesWithASignatureAndStaffTakeItThroughACorrectionToADecision() throws Exception {
        // Sign in as a demo parent and start the 児童手当 form.
        browser.get(url("/apply/jidou-teate-nintei"));
        click("sign-in");
        submitting(() -> browser.findElement(By.cssSelector("button[data-role=parent-with-child]")).click());
        assertThat(browser.getCurrentUrl()).endsWith("/apply/jidou-teate-nintei");
        click("start");

        // Step 1: the four facts are prefilled; a wrong postcode is refused inline and kept.
        assertThat(progress()).contains("ステップ 1 / 5");
        assertThat(browser.findElement(By.id("f-applicantName")).getDomProperty("value")).isNotBlank();
        assertThat(browser.findElement(By.id("f-address")).getDomProperty("value")).contains("窓口町");
        type("f-postcode", "39900");
        type("f-phone", "0263-00-0000");
        browser.findElement(By.id("f-pension-0")).click();
        click("next");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("郵便番号は7桁");
        assertThat(browser.findElement(By.id("f-postcode")).getDomProperty("value")).isEqualTo("39900");
        type("f-postcode", "399-0001");
        click("next");

        // Step 2: no spouse.
        assertThat(progress()).contains("ステップ 2 / 5");
        click("next");

        // Step 3: one child.
        assertThat(progress()).contains("ステップ 3 / 5");
        submitting(() -> browser.findElement(By.cssSelector("button[value='add:children']")).click());
        type("f-children-0-name", "窓口 太郎");
        type("f-children-0-kana", "まどぐち たろう");
        new Select(browser.findElement(By.id("f-children-0-birthDate-era"))).selectByValue("reiwa");
        type("f-children-0-birthDate-y", "5");
        type("f-children-0-birthDate-m", "4");
        type("f-children-0-birthDate-d", "1");
        browser.findElement(By.id("f-children-0-relationship-0")).click();
        // Ticking 「同居している」 hides the child's address: the page refreshes itself.
        submitting(() -> browser.findElement(By.id("f-children-0-livingTogether")).click());
        assertThat(browser.findElements(By.id("f-children-0-childAddress"))).isEmpty();
        click("next");

        // Step 4: the bank account.
        assertThat(progress()).contains("ステップ 4 / 5");
        type("f-bankName", "窓口信用金庫");
        type("f-branchName", "本店");
        browser.findElement(By.id("f-accountType-0")).click();
        type("f-accountNumber", "１２３４５６７");
        type("f-accountHolderKana", "まどぐち はなこ");
        click("next");

        // Step 5: the bank-book copy (an image, checked by content) and the declaration.
        assertThat(progress()).contains("ステップ 5 / 5");
        Path image = Files.createTempFile("bankbook", ".png");
        ImageIO.write(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        browser.findElement(By.id("f-bankbookCopy")).sendKeys(image.toAbsolutePath().toString());
        browser.findElement(By.id("f-declaration")).click();
        click("next");

        // Confirmation, then the demo card signs and the application is received.
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("入力内容の確認");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("窓口 太郎", "令和5年4月1日", "窓口信用金庫",
                "1234567", "マドグチ　ハナコ", "bankbook");
        click("sign-demo");
        String receipt = browser.findElement(By.id("receipt-number")).getText();
        assertThat(receipt).matches("\\d{4}-\\d{7}-\\d");

        // A reviewer starts the review and asks for a correction.
        Browser.signInToOffice(browser, port, DEMO, "shinsa", DemoDataLoader.DEMO_PASSWORD);
        browser.get(url("/office/cases"));
        submitting(() -> browser.findElement(By.linkText(receipt)).click());
        assertThat(browser.findElement(By.id("signature")).getText()).contains("検証済み");
        click("act-START_REVIEW");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("審査中");
        type("comment", "お子さんの健康保険証の写しを追加で提出してください。");
        click("act-REQUEST_CORRECTION");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("補正依頼中");
        String caseUrl = browser.getCurrentUrl();

        // The resident sees the request and answers online.
        browser.get(url("/mypage/applications/" + receipt));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("補正依頼中", "健康保険証の写し");
        WebElement answer = browser.findElement(By.cssSelector("textarea[name=comment]"));
        answer.sendKeys("健康保険証の写しを添付します。");
        java.nio.file.Path scan = java.nio.file.Files.createTempFile("hokensho", ".pdf");
        java.nio.file.Files.write(scan, jp.madoguchi.application.ApplicationServiceTest.onePagePdf());
        browser.findElement(By.cssSelector("input[type=file][name=files]")).sendKeys(scan.toString());
        submitting(() -> browser.findElement(By.cssSelector("button[id^=answer-submit-]")).click());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("審査中", "保険証の写しを添付します",
                "添付：" + scan.getFileName());

        // The reviewer sees the file with the answer and opens it, then decides.
        browser.get(caseUrl);
        WebElement file = browser.findElement(By.cssSelector("#timeline .event-files a"));
        assertThat(file.getText()).contains(scan.getFileName().toString());
        assertThat(file.getAttribute("href")).contains("/attachments/");
        type("comment", "令和8年12月分から支給します。");
        click("act-DECIDE");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("決定");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("補正を依頼", "補正に回答", "決定");

        // The three e-mails, over SMTP.
        SmtpTestDispatch.send(jdbc, tx, municipalities, clock, DEMO, ServerSetupTest.SMTP.getPort());
        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m) != null).toList();
        List<String> subjects = mails.stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(s -> s.contains(receipt)).toList();
        assertThat(subjects).hasSize(3);
        assertThat(subjects.get(0)).contains("申請を受け付けました");
        assertThat(subjects.get(1)).contains("補正のお願い");
        assertThat(subjects.get(2)).contains("審査結果");
    }
}
