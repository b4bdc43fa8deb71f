package org.caseflow.localrun;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's headless Chromium, driven through its own chromedriver, in a language and a window size of
 * the test's choosing. Where the browser is missing the browser tests are skipped with one loud line,
 * except in CI (CI=true), where a missing browser fails the build.
 */
final class Browser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);
    /** Debian's; another machine names its own with -Dcaseflow.browser.chromium and -Dcaseflow.browser.chromedriver. */
    static final Path CHROMIUM = Path.of(System.getProperty("caseflow.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("caseflow.browser.chromedriver", "/usr/bin/chromedriver"));

    /** A desk, and a phone held upright. */
    static final Dimension DESK = new Dimension(1400, 1000);
    static final Dimension PHONE = new Dimension(390, 844);

    final WebDriver driver;
    final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Skips the calling test class where there is no browser (failing instead in CI). */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "BROWSER TESTS SKIPPED: no " + CHROMIUM + " or " + CHROMEDRIVER
                    + "; install them with: sudo apt-get install chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message.replace("SKIPPED", "CANNOT RUN IN CI"));
            }
            log.warn(message);
            Assumptions.abort(message);
        }
    }

    /** @param language the browser's language, such as sq or en */
    static Browser open(String language, Dimension size) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--lang=" + language, "--window-size=" + size.getWidth() + "," + size.getHeight());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
        return new Browser(driver);
    }

    /** Saves what the page shows now, as the README's screenshots are made. */
    void screenshot(String name) throws IOException {
        File taken = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Path directory = Path.of(System.getProperty("caseflow.screenshots", "target/screenshots"));
        Files.createDirectories(directory);
        Files.copy(taken.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Steps of a test in the browser. */
    interface Steps {
        void run() throws Exception;
    }

    /** Runs the steps; when one fails, saves what the page showed then (failed-&lt;name&gt;.png) and its address. */
    void onFailure(String name, Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Exception | AssertionError e) {
            screenshot("failed-" + name);
            throw new AssertionError("Failed at " + driver.getCurrentUrl() + " (screenshot failed-" + name + ".png): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
