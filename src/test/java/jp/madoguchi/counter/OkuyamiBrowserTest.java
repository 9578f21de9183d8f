package jp.madoguchi.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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

    /** What staff type, by field path, for what the town does not know. */
    static final java.util.Map<String, String> TYPED = java.util.Map.of("phone", "0263-12-3456", "bankName",
            "窓口信用金庫", "branchName", "本店", "accountNumber", "1234567", "postcode", "3990001", "email",
            "misaki@example.jp", "children[1].guardianRelation", "親権者（母）");
    static final java.util.Map<String, String> CHOSEN = java.util.Map.of("newHead", "applicant", "accountType",
            "futsuu", "pension", "kokumin", "applicantRole", "guardian");
    /** Originals staff see or receive (attachments at the counter: ticks, not typing) and the book returned. */
    static final java.util.Set<String> TICKED = java.util.Set.of("bankbookCopy", "funeralProof", "guardianProof",
            "card", "bookKinds_physical");

    /**
     * Fills whatever the sheet of {@code code} still asks (the fields outside 「記入済みの項目」), as staff would type
     * it, and saves.
     */
    void fillSheet(String code) {
        String p = "f_" + code + "_";
        String sheet = "#sheet-" + code + " > div.field ";
        for (WebElement e : browser.findElements(By.cssSelector(sheet + "input, " + sheet + "select"))) {
            String id = e.getAttribute("id");
            if (id == null || !id.startsWith(p)) {
                continue;
            }
            String path = id.substring(p.length());
            if ("checkbox".equals(e.getAttribute("type"))) {
                if (TICKED.contains(path) && !e.isSelected()) {
                    e.click();
                }
                continue;
            }
            if (!e.getAttribute("value").isEmpty()) {
                continue;
            }
            if (e.getTagName().equals("select")) {
                if (CHOSEN.containsKey(path)) {
                    new Select(e).selectByValue(CHOSEN.get(path));
                }
                continue;
            }
            String value = path.equals("funeralDate") ? LocalDate.now().minusDays(1).toString() : TYPED.get(path);
            if (value != null) {
                e.sendKeys(value);
            }
        }
        click("save-" + code);
    }

    /** The town's procedures of the demo case, each with its form; the 葬祭費 first (its bank account is reused). */
    static final List<String> PREPARED = List.of("kokuho-sousaihi", "setainushi-henkou", "inkan-haishi",
            "kokuho-soushitsu", "kougaku-ryouyouhi", "kaigo-soushitsu", "shougai-techou-henkan",
            "kotei-souzokunin-daihyousha", "jidou-teate-mishiharai", "jidou-teate-nintei");

    /**
     * What staff type in this flow, each once: 電話番号, 新しい世帯主, 葬祭の日, 金融機関・支店・種別・口座番号 (the
     * 口座名義 is the applicant's kana), 返還する手帳, and for 児童手当 郵便番号, メール, 年金, 請求者の立場, 親権者としての関係.
     */
    static final int EXPECTED_TYPED = 13;

    @Test
    void anOkuyamiVisitFromTheCardToCasesAndPdfs() throws Exception {
        Browser.signInToOffice(browser, port, DEMO, "madoguchi", DemoDataLoader.DEMO_PASSWORD);

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

        // The register answered 亡くなった日, 生年月日, 世帯主 and how many of 15 or more remain; the family the rest.
        assertThat(browser.findElement(By.id("q_remainingMembers")).getAttribute("value")).as("answered by the register")
                .isEqualTo("2");
        select("q_insurance", "kokuho");
        for (String no : List.of("needsIncomeTaxReturn")) {
            browser.findElement(By.id("q_" + no + "_no")).click();
        }
        for (String yes : List.of("receivedPension", "hadInkan", "receivedJidouTeate", "disabilityBook")) {
            browser.findElement(By.id("q_" + yes + "_yes")).click();
        }
        browser.findElement(By.id("q_assets_bank")).click();
        browser.findElement(By.id("q_assets_realestate")).click();
        click("save-answers");
        browser.findElement(By.id("q_highMedical_yes")).click();
        browser.findElement(By.id("q_largeEstate_no")).click();
        click("save-answers");

        int applicable = Integer.parseInt(browser.findElement(By.id("applicable-count")).getText());
        assertThat(applicable).isGreaterThanOrEqualTo(10);
        click("pick-procedures");
        List<String> sheets = browser.findElements(By.cssSelector("#sheets form")).stream()
                .map(f -> f.getAttribute("id").substring("sheet-".length())).toList();
        assertThat(sheets).containsExactlyInAnyOrderElementsOf(PREPARED);
        int prefilledBefore = Integer.parseInt(browser.findElement(By.id("prefilled-count")).getText());

        for (int round = 0; round < 2 && !present("ready"); round++) {
            for (String code : PREPARED) {
                fillSheet(code);
            }
        }
        assertThat(present("ready")).as(browser.findElement(By.id("sheets")).getText()).isTrue();
        int typed = Integer.parseInt(browser.findElement(By.id("typed-count")).getText());
        int prefilled = Integer.parseInt(browser.findElement(By.id("prefilled-count")).getText());
        int reused = Integer.parseInt(browser.findElement(By.id("summary-reused")).getText());
        System.out.println("OKUYAMI FIGURE: applicable=" + applicable + " prepared=" + sheets.size() + " prefilled="
                + prefilled + " (register/card/answers=" + prefilledBefore + ", typed once and reused=" + reused
                + ") typed=" + typed);
        assertThat(typed).isEqualTo(EXPECTED_TYPED);
        assertThat(prefilledBefore).as("filled from the register, the card and the answers").isEqualTo(110);
        assertThat(reused).as("typed once, reused on the other sheets").isEqualTo(23);
        assertThat(prefilled).isEqualTo(prefilledBefore + reused);
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
        assertThat(cases).hasSize(PREPARED.size());
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
        assertThat(inPerson).isGreaterThanOrEqualTo(PREPARED.size());
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
