package jp.madoguchi.reservation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In a real browser: a resident books from a guide link, sees the QR code, changes the time and cancels; the old
 * link then explains itself. At the ticket machine a visitor takes a ticket and the call display shows it when a
 * clerk calls it (server-sent events).
 */
@MadoguchiIntegrationTest
class ReservationBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired QueueService queue;
    ChromeDriver browser;
    String shot = "reservation";

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            Files.write(shots.resolve(shot + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void bookChangeAndCancelWithTheKeyboardAndMouse() {
        shot = "reservation-book-change-cancel";
        Fixtures.service(tx, jdbc, "browser-book", "W", 1);
        browser.get(url("/reservations?services=browser-book"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("試験用 browser-book");
        // keyboard: the first free slot is reachable and opens with Enter
        var firstSlot = browser.findElement(By.cssSelector("a.slot"));
        String firstLabel = firstSlot.getAttribute("aria-label");
        jp.madoguchi.support.Browser.submitting(browser, () -> firstSlot.sendKeys(Keys.ENTER));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("予約の入力");
        browser.findElement(By.id("name")).sendKeys("ブラウザ 花子");
        browser.findElement(By.id("contact")).sendKeys("browser@example.jp");
        jp.madoguchi.support.Browser.submitting(browser,
                () -> browser.findElement(By.cssSelector("form button[type=submit]")).click());

        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("予約しました");
        String number = browser.findElement(By.cssSelector(".reservation-number")).getText();
        assertThat(number).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.findElement(By.cssSelector("img.qr")).getAttribute("src"))
                .startsWith("data:image/svg+xml;base64,");
        String firstLink = browser.getCurrentUrl();

        jp.madoguchi.support.Browser.submitting(browser, () -> browser.findElement(By.linkText("日時を変更する")).click());
        // the booked slot (capacity 1) is now full; pick another
        assertThat(browser.findElements(By.cssSelector("a.slot")).stream()
                .map(a -> a.getAttribute("aria-label"))).doesNotContain(firstLabel);
        jp.madoguchi.support.Browser.submitting(browser, () -> browser.findElement(By.cssSelector("a.slot")).click());
        jp.madoguchi.support.Browser.submitting(browser,
                () -> browser.findElement(By.cssSelector("form button[type=submit]")).click());
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("予約を変更しました");
        String newNumber = browser.findElement(By.cssSelector(".reservation-number")).getText();
        assertThat(newNumber).isNotEqualTo(number);

        jp.madoguchi.support.Browser.submitting(browser, () -> browser.findElement(By.id("cancel-button")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("予約を取り消しました");
        browser.get(firstLink);
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("このリンクはすでに使われています");
        var states = Fixtures.rows(tx, jdbc, "select state from reservation_booking where contact = 'browser@example.jp'"
                + " order by created_at", Map.of());
        assertThat(states).extracting(r -> r.get("state")).containsExactly("CHANGED", "CANCELLED");
    }

    @Test
    void aTicketFromTheMachineAppearsOnTheCallDisplayWhenCalled() {
        shot = "reservation-call-display";
        Fixtures.service(tx, jdbc, "browser-queue", "V", 1);
        browser.get(url("/kiosk/display"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-connected", "true"));
        String display = browser.getWindowHandle();

        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url("/kiosk/tickets"));
        jp.madoguchi.support.Browser.submitting(browser, () -> browser.findElement(By.id("issue-browser-queue")).click());
        String number = browser.findElement(By.id("ticket-number")).getText();
        assertThat(number).matches("V-\\d{3}");

        TenantContext.runAs(Fixtures.DEMO, () -> queue.callNext("test-browser-queue",
                AuditEvent.Actor.system("browser test")));
        browser.switchTo().window(display);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#calls tr.latest"), number));
        assertThat(browser.findElement(By.cssSelector("#calls tr.latest .call-counter")).getText())
                .isEqualTo("試験窓口 browser-queue");
    }
}
