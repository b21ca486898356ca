package org.borderflows.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.query.tables.Cube;
import org.borderflows.schema.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian package): it loads, its charts draw the data, and choosing a
 * citizenship changes the figures. Fails, never skips, when Chromium or chromedriver is missing.
 */
@MicronautTest(environments = "no-kafka")
class DashboardTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Inject
    EmbeddedServer server;

    @Inject
    Cube cube;

    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        if (cube.size() == 0) {
            // 30 TJK and 12 UZB arrivals over three months, each followed by a departure a month later.
            CubeLoader load = new CubeLoader(cube);
            LocalDate clock = LocalDate.of(2026, 3, 31);
            for (int i = 0; i < 42; i++) {
                String citizenship = i < 30 ? "TJK" : "UZB";
                LocalDate day = LocalDate.of(2026, 1 + i % 3, 1 + i % 25);
                load.add(Fixtures.arrival("a" + i, day, true, day.plusDays(365), clock)
                        .setCitizenship(citizenship)
                        .build());
                load.add(Fixtures.arrival("d" + i, day, false, day, clock)
                        .setDirection(Direction.EXIT)
                        .setCitizenship(citizenship)
                        .build());
                load.add(Fixtures.openStay("s" + i, day, org.borderflows.schema.DurationClass.PENDING, clock)
                        .setCitizenship(citizenship)
                        .build());
            }
        }
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
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void thePageDrawsTheFiguresAndACitizenshipFilterChangesThem() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(server.getURL() + "/");
        wait.until(d -> !text("total-arrivals").equals("-"));

        // The public sees protected figures; a statistician signs in and sees the exact ones.
        assertThat(text("protected-badge")).isEqualTo("protected (public)");
        browser.findElement(By.id("user")).sendKeys("statistician");
        browser.findElement(By.id("password")).sendKeys("statistician-dev-password");
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait.until(d -> text("protected-badge").equals("exact"));
        wait.until(d -> text("total-arrivals").equals("42"));

        assertThat(browser.findElements(By.cssSelector("#chart-flows polyline.series")))
                .hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#chart-stays rect.bar")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-migration polygon.band")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#chart-citizenships rect.bar")))
                .hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#quality tbody tr"))).isEmpty();
        assertThat(text("as-of")).isEqualTo("clock: 2026-03-31");

        wait.until(d -> new Select(d.findElement(By.id("filter-citizenship")))
                        .getOptions()
                        .size()
                == 3);
        new Select(browser.findElement(By.id("filter-citizenship"))).selectByValue("UZB");
        wait.until(d -> text("total-arrivals").equals("12"));
        assertThat(text("total-departures")).isEqualTo("12");
        assertThat(browser.findElements(By.cssSelector("#chart-citizenships rect.bar")))
                .hasSize(1);
    }
}
