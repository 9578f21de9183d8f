package jp.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
 * In a real browser: a counter clerk signs in, searches a resident by kana typed in hiragana, opens the record
 * with a stated purpose, and the access is in the audit trail; an administrator then sees it in the access list.
 */
@MadoguchiIntegrationTest
class ResidentLookupBrowserTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        Browser.quit(browser, "resident-lookup");
    }

    private void signIn(String loginId) {
        Browser.signInToOffice(browser, port, DEMO, loginId, DemoDataLoader.DEMO_PASSWORD);
    }

    @Test
    void clerkFindsAResidentByKanaAndTheAccessIsLogged() {
        Map<String, Object> resident = TenantContext.callAs(DEMO, () -> transactions.execute(s -> jdbc.sql("""
                select atena_number, name_kana from resident_record
                where superseded_at is null and resident_type_code = '1' order by atena_number limit 1 offset 42
                """).query().singleRow()));
        String atena = (String) resident.get("atena_number");
        String familyKana = ((String) resident.get("name_kana")).split("\u3000")[0];
        String hiragana = jp.madoguchi.kit.Kana.katakanaToHiragana(familyKana);

        signIn("madoguchi");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("職員用画面");

        Browser.submitting(browser, () -> browser.findElement(By.linkText("住民記録")).click());
        browser.findElement(By.id("kana")).sendKeys(hiragana);
        new Select(browser.findElement(By.id("purpose"))).selectByVisibleText("窓口対応");
        Browser.submitting(browser, () -> browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click());
        assertThat(browser.findElement(By.id("results-heading")).getText()).startsWith("検索結果");

        Browser.submitting(browser, () -> browser.findElement(By.xpath("//tr[td[normalize-space()='" + atena + "']]/td[1]/a")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("住民記録");
        assertThat(browser.getPageSource()).contains(atena).contains("この照会は記録されました");

        long reads = TenantContext.callAs(DEMO, () -> transactions.execute(s -> jdbc.sql("""
                select count(*) from audit_event
                where event_type = 'resident.read' and subject_id = :atena and purpose = '窓口対応'
                  and actor_name = '窓口 花子' and via = 'office:resident-detail'
                """).param("atena", atena).query(Long.class).single()));
        assertThat(reads).isEqualTo(1);

        Browser.submitting(browser, () -> browser.findElement(By.cssSelector("form[action$='/office/sign-out'] button")).click());
        signIn("kanri");
        browser.get("http://localhost:" + port + "/office/residents/" + atena + "/accesses");
        String accesses = browser.findElement(By.id("accesses")).getText();
        assertThat(accesses).contains("窓口 花子").contains("記録の照会").contains("窓口対応");
    }
}
