package jp.madoguchi.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In a real browser, at the self-service kiosk: a resident puts a (simulated) My Number Card on the reader, types a
 * wrong PIN and is told the remaining tries, types the right one, is matched to the register, asks for a 住民票の写し
 * and gets a signed certificate issued on the KIOSK channel, paid cashless; the PDF is theirs only.
 */
@MadoguchiIntegrationTest
class KioskCertificateBrowserTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        Browser.quit(browser, "kiosk-certificate");
    }

    void readCard(String pin) {
        new Select(browser.findElement(By.id("card"))).selectByValue("demo-match");
        browser.findElement(By.id("pin")).sendKeys(pin);
        Browser.submitting(browser, () -> browser.findElement(By.id("read-card")).click());
    }

    @Test
    void aResidentPrintsTheirOwnResidenceCertificateWithTheCard() {
        browser.get("http://localhost:" + port + "/kiosk/certificates");
        readCard("9999");
        assertThat(browser.findElement(By.id("kiosk-error")).getText()).contains("暗証番号", "残り");
        readCard("1234");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("発行する証明書を選んでください");
        String holder = browser.findElement(By.id("holder-name")).getText();
        assertThat(holder).isNotBlank();
        Browser.submitting(browser, () -> browser.findElement(By.id("issue")).click());
        String number = browser.findElement(By.id("issue-number")).getText();
        assertThat(browser.findElement(By.id("issued-summary")).getText()).contains("住民票の写し", "1通");
        String channel = TenantContext.callAs(DEMO, () -> tx.execute(s -> jdbc.sql(
                "select channel from certificate_issuance where issue_number = ?").param(number)
                .query(String.class).single()));
        assertThat(channel).isEqualTo("KIOSK");
        String pdfUrl = browser.findElement(By.id("print")).getDomAttribute("href");
        assertThat(pdfUrl).matches("/kiosk/certificates/\\d+\\.pdf");
        Object fetched = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                + " + r.headers.get('content-type') + ' ' + new TextDecoder().decode(new Uint8Array(b).slice(0, 5)))))"
                + ".catch(e => done('error ' + e));", pdfUrl);
        assertThat(fetched).isEqualTo("200 application/pdf %PDF-");
        // After 「終了」 the certificate is no longer reachable from this browser.
        Browser.submitting(browser, () -> browser.findElement(By.id("end")).click());
        browser.get("http://localhost:" + port + pdfUrl);
        assertThat(browser.getPageSource()).doesNotContain("%PDF");
    }
}
