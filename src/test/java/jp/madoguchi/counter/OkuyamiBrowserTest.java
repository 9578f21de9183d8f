package jp.madoguchi.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: an おくやみ visit from the simulated card of the deceased's wife (a wrong PIN first) to the cases
 * created through the tablet confirmation and the PDFs produced; the typed-field count shown.
 */
@MadoguchiIntegrationTest
class OkuyamiBrowserTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;
    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        Browser.quit(browser, "okuyami");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void submitting(Runnable action) {
        Browser.submitting(browser, action);
    }

    void click(String id) {
        submitting(() -> browser.findElement(By.id(id)).click());
    }

    boolean present(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }

    void select(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    /** Fills whatever the sheet of {@code code} still asks, as staff would type it, and saves. */
    void fillSheet(String code) {
        String p = "f_" + code + "_";
        for (WebElement e : browser.findElements(By.cssSelector("#sheet-" + code + " input, #sheet-" + code + " select"))) {
            String id = e.getAttribute("id");
            if (id == null || !id.startsWith(p)) {
                continue;
            }
            String path = id.substring(p.length());
            String type = e.getAttribute("type");
            if ("checkbox".equals(type)) {
                if ((path.equals("usePublicAccount") || path.endsWith("Proof") || path.endsWith("Copy")) && !e.isSelected()) {
                    e.click();
                }
                continue;
            }
            if (!e.getAttribute("value").isEmpty()) {
                continue;
            }
            if (e.getTagName().equals("select")) {
                String value = switch (path) {
                    case "pension" -> "kokumin";
                    case "applicantRole" -> "guardian";
                    default -> null;
                };
                if (value != null) {
                    new Select(e).selectByValue(value);
                }
                continue;
            }
            String value = path.equals("postcode") ? "3990001" : path.equals("phone") ? "0263-12-3456"
                    : path.equals("email") ? "misaki@example.jp" : path.endsWith("guardianRelation") ? "親権者（母）"
                    : path.equals("relationshipToDeceased") ? "子" : null;
            if (value != null) {
                e.sendKeys(value);
            }
        }
        click("save-" + code);
    }

    @Test
    void anOkuyamiVisitFromTheCardToCasesAndPdfs() throws Exception {
        browser.get(url("/office/sign-in"));
        browser.findElement(By.id("municipalityCode")).sendKeys(DEMO);
        browser.findElement(By.id("loginId")).sendKeys("madoguchi");
        browser.findElement(By.id("password")).sendKeys(DemoDataLoader.DEMO_PASSWORD);
        submitting(() -> browser.findElement(By.cssSelector("button[type=submit]")).click());

        browser.get(url("/office/visits"));
        long before = visitCount();
        select("card", "demo-okuyami");
        browser.findElement(By.id("pin")).sendKeys("9999");
        click("read-card");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("暗証番号が違います");
        assertThat(visitCount()).isEqualTo(before);

        select("card", "demo-okuyami");
        browser.findElement(By.id("pin")).sendKeys("1234");
        click("read-card");
        assertThat(browser.findElement(By.id("visitor-name")).getText()).contains("山路　美咲");
        String checkCode = browser.findElement(By.id("check-code")).getText();

        browser.findElement(By.id("deceased-kana")).sendKeys("ヤマジ ケンイチ");
        click("deceased-search");
        select("lifeEvent", "shibou");
        assertThat(new Select(browser.findElement(By.id("deceased"))).getFirstSelectedOption().getText())
                .contains("山路　健一").contains("死亡者");
        click("choose-event");
        assertThat(browser.findElement(By.id("deceased-name")).getText()).contains("山路　健一");

        // The register answered 亡くなった日, 生年月日 and 世帯主; the family answers the rest.
        select("q_insurance", "kokuho");
        for (String no : List.of("receivedPension", "disabilityBook", "needsIncomeTaxReturn")) {
            browser.findElement(By.id("q_" + no + "_no")).click();
        }
        browser.findElement(By.id("q_hadInkan_yes")).click();
        browser.findElement(By.id("q_receivedJidouTeate_yes")).click();
        browser.findElement(By.id("q_remainingMembers")).sendKeys("1");
        browser.findElement(By.id("q_assets_bank")).click();
        browser.findElement(By.id("q_assets_realestate")).click();
        click("save-answers");
        browser.findElement(By.id("q_highMedical_no")).click();
        browser.findElement(By.id("q_largeEstate_no")).click();
        click("save-answers");

        int applicable = Integer.parseInt(browser.findElement(By.id("applicable-count")).getText());
        assertThat(applicable).isGreaterThanOrEqualTo(10);
        click("pick-procedures");

        for (int round = 0; round < 3 && !present("ready"); round++) {
            for (String code : List.of("jidou-teate-nintei", "jidou-teate-mishiharai")) {
                if (present("sheet-" + code)) {
                    fillSheet(code);
                }
            }
        }
        assertThat(present("ready")).as(browser.findElement(By.id("sheets")).getText()).isTrue();
        int typed = Integer.parseInt(browser.findElement(By.id("typed-count")).getText());
        int prefilled = Integer.parseInt(browser.findElement(By.id("prefilled-count")).getText());
        System.out.println("OKUYAMI FIGURE: applicable=" + applicable + " prefilled=" + prefilled + " typed=" + typed);
        assertThat(prefilled).isGreaterThan(typed);

        // The tablet: the same visitor, the same check code.
        String kiosk = browser.findElement(By.id("kiosk-link")).getAttribute("href");
        String staffPage = browser.getCurrentUrl();
        browser.get(kiosk);
        assertThat(browser.findElement(By.id("kiosk-name")).getText()).isEqualTo("山路　美咲");
        assertThat(browser.findElement(By.id("kiosk-check")).getText()).isEqualTo(checkCode);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("児童手当").contains("山路　陽太");
        browser.findElement(By.id("attested")).click();
        click("kiosk-submit");
        assertThat(browser.findElement(By.id("kiosk-done")).getText()).contains("受付番号");

        browser.get(staffPage);
        assertThat(browser.findElement(By.id("visit-state")).getText()).isEqualTo("確認済み");
        List<WebElement> cases = browser.findElements(By.cssSelector("#cases li"));
        assertThat(cases).hasSize(2);
        String cookie = String.join("; ", browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
        HttpClient http = HttpClient.newHttpClient();
        for (WebElement a : browser.findElements(By.cssSelector("a.case-pdf"))) {
            assertThat(pdfText(http, a.getAttribute("href"), cookie)).contains("受付番号").contains("令和");
        }
        assertThat(pdfText(http, browser.findElement(By.id("guide-pdf")).getAttribute("href"), cookie))
                .contains("山路　健一").contains("年金事務所").contains("金融機関");
        long inPerson = jp.madoguchi.platform.TenantContext.callAs(DEMO, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from case_event e join application_case c on c.id = e.case_id"
                        + " join application a on a.id = c.application_id"
                        + " where a.channel = 'COUNTER' and e.comment like '窓口で本人確認済み%'")
                .query(Long.class).single()));
        assertThat(inPerson).isGreaterThanOrEqualTo(2);
        click("close-visit");
        assertThat(browser.findElement(By.id("visit-events")).getText()).contains("CONFIRMED").contains("CLOSED");
    }

    long visitCount() {
        return jp.madoguchi.platform.TenantContext.callAs(DEMO, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from counter_visit").query(Long.class).single()));
    }

    private static String pdfText(HttpClient http, String href, String cookie) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(r.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
