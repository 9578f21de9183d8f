package jp.madoguchi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through its ChromeDriver, for real-browser tests. Nothing is downloaded: the
 * browser and driver come from the Debian packages {@code chromium} and {@code chromium-driver} (.ci/run installs
 * them). Where they are missing, the browser tests are skipped on a developer machine and fail under CI.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() throws Exception {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!available && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs Debian chromium and chromium-driver for the browser tests");
        }
        Assumptions.assumeTrue(available, "Debian chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=ja", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * Runs an action that submits the page (a click on a submit button) and waits until the browser has left it:
     * until the old page's root element is stale. While Chromium swaps documents it may also answer that the node
     * "does not belong to the document" (an inspector error, not a stale-element one) — that too means the old page
     * is gone.
     */
    public static void submitting(org.openqa.selenium.WebDriver driver, Runnable action) {
        org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
        action.run();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> left(page));
    }

    /** Signs in to the office screens as {@code loginId} of {@code municipality} and waits for the page after. */
    public static void signInToOffice(org.openqa.selenium.WebDriver driver, int port, String municipality,
            String loginId, String password) {
        driver.get("http://localhost:" + port + "/office/sign-in");
        driver.findElement(org.openqa.selenium.By.id("municipalityCode")).sendKeys(municipality);
        driver.findElement(org.openqa.selenium.By.id("loginId")).sendKeys(loginId);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        submitting(driver, () -> driver.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click());
    }

    private static boolean left(org.openqa.selenium.WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Saves what the browser shows last as {@code target/screenshots/<name>.png} (for a failed run), then quits. */
    public static void quit(ChromeDriver driver, String name) throws Exception {
        if (driver == null) {
            return;
        }
        try {
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            Files.write(shots.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }
}
