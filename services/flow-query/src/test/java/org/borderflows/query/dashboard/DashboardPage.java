package org.borderflows.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard opened in a real headless Chromium (the Debian packages chromium and chromium-driver), with the checks
 * every dashboard test makes: each chart draws figures on axes with ticks, the quality table has rows. Used by
 * {@link DashboardTest} (fixture history) and by the demo's test in deploy/local (the history the demo loads), so
 * both read the page the same way. Fails, never skips, when Chromium or chromedriver is missing.
 */
public final class DashboardPage implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The charts (SVG id chart-NAME); the quality panel is a table. */
    public static final List<String> CHARTS =
            List.of("flows", "migration", "year-ended", "stock", "stays", "overstays", "labour", "citizenships");
    /** Every panel (article id panel-NAME). */
    public static final List<String> PANELS = List.of(
            "flows", "migration", "year-ended", "stock", "stays", "overstays", "labour", "citizenships", "quality");
    /** The charts whose x axis is months. */
    public static final List<String> MONTH_CHARTS =
            List.of("flows", "migration", "year-ended", "stock", "stays", "overstays", "labour");

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final Path screenshots;

    private DashboardPage(WebDriver browser, Duration timeout, Path screenshots) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, timeout);
        this.screenshots = screenshots;
    }

    /**
     * Starts a headless Chromium with a fresh profile; {@code timeout} bounds every wait for the page, screenshots
     * go to {@code screenshots}.
     */
    public static DashboardPage start(Duration timeout, Path screenshots) throws IOException {
        assertThat(CHROMIUM)
                .as("Chromium must be installed (apt-get install -y chromium)")
                .isExecutable();
        assertThat(CHROMEDRIVER)
                .as("chromedriver must be installed (apt-get install -y chromium-driver)")
                .isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 3000));
        return new DashboardPage(browser, timeout, screenshots);
    }

    public WebDriver browser() {
        return browser;
    }

    public WebDriverWait await() {
        return wait;
    }

    /** Opens the dashboard at {@code baseUrl} (e.g. http://localhost:8080) and waits for its first full refresh. */
    public void open(String baseUrl) {
        browser.get(baseUrl + "/");
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-refreshed") != null);
    }

    public void signIn(String user, String password) {
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait.until(d -> text("protected-badge").equals("exact"));
    }

    /**
     * Every chart has figures (markers or bars) with tooltips, and at least four labelled ticks on its axes; the
     * month charts label their x ticks with months; the quality table has at least two rows. Waits (up to the
     * page's timeout) for the figures, since the dashboard refreshes its panels as the tables change.
     */
    public void everyPanelDrawsOnAxes() {
        for (String chart : CHARTS) {
            String svg = "#chart-" + chart;
            wait.until(d -> !d.findElements(By.cssSelector(svg + " .marker, " + svg + " .bar"))
                    .isEmpty());
            assertThat(texts(svg + " .y-axis text.tick, " + svg + " .x-axis text.tick"))
                    .as(chart + " ticks")
                    .hasSizeGreaterThanOrEqualTo(4)
                    .allMatch(t -> !t.isBlank());
            assertThat(titles(svg)).as(chart + " tooltips").isNotEmpty();
        }
        for (String chart : MONTH_CHARTS) {
            assertThat(texts("#chart-" + chart + " .x-axis text.tick"))
                    .as(chart + " month labels")
                    .isNotEmpty()
                    .allMatch(t -> t.matches("[A-Z][a-z]{2,3}( \\d{4})?"));
        }
        wait.until(d -> d.findElements(By.cssSelector("#quality tbody tr")).size() >= 2);
    }

    /** The visible text of the element with this id. */
    public String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The tooltip texts (SVG titles) under a selector; getText does not read a title, textContent does. */
    public List<String> titles(String selector) {
        return texts(selector + " title");
    }

    /** The textContent of every element matching a selector, read at once (a redraw cannot interleave). */
    @SuppressWarnings("unchecked")
    public List<String> texts(String selector) {
        return (List<String>) ((JavascriptExecutor) browser)
                .executeScript(
                        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);",
                        selector);
    }

    /** An attribute of every element matching a selector, read at once. */
    @SuppressWarnings("unchecked")
    public List<String> attributes(String selector, String attribute) {
        return (List<String>) ((JavascriptExecutor) browser)
                .executeScript(
                        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.getAttribute(arguments[1]));",
                        selector,
                        attribute);
    }

    /** A full-page PNG, dashboard-NAME.png in the screenshot folder, attached to the test report. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve("dashboard-" + name + ".png");
            Path shot =
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("[[ATTACHMENT|" + file.toAbsolutePath() + "]]");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}
