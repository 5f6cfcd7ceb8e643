package org.imageproc.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, both named explicitly so Selenium Manager never
 * downloads anything; tests using it are skipped when either is missing.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path AXE = Path.of("target", "axe", "axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does)");
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium")), "profile-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        // the network events, for counting the requests the app makes
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
        // a "leave the page?" question stays until a test answers it
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits until the element is there and visible, and returns it. */
    WebElement await(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    <T> T until(ExpectedCondition<T> condition) {
        return until(condition, Duration.ofSeconds(40));
    }

    <T> T until(ExpectedCondition<T> condition, Duration atMost) {
        // a list the app draws again replaces the elements a condition looked at: look again
        try {
            return new WebDriverWait(driver, atMost).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            throw new TimeoutException(e.getMessage() + "\nWhat the page showed: " + pageState(), e);
        }
    }

    /** What a person would look at when a wait fails: the messages shown, the cards' states, the console's errors. */
    private String pageState() {
        Object shown = driver.executeScript("const t = (s) => [...document.querySelectorAll(s)]"
                + ".filter((e) => !e.hidden && e.textContent.trim()).map((e) => e.textContent.trim());"
                + " const cards = {}; document.querySelectorAll('#gallery .photo-card').forEach((c) =>"
                + " cards[c.dataset.status] = (cards[c.dataset.status] || 0) + 1);"
                + " const thumbs = [...document.querySelectorAll('#gallery img.thumb')];"
                + " return JSON.stringify({url: location.href, errors: t('.error, [role=alert]'), cards,"
                + " thumbs: thumbs.length, unloaded: thumbs.filter((i) => !i.complete).length,"
                + " summary: t('#batch-summary'), more: document.querySelector('#gallery-more')?.hidden === false,"
                + " loading: t('#gallery-loading'), scrollY, height: document.documentElement.scrollHeight});");
        List<String> console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).toList();
        return shown + "\nConsole: " + console;
    }

    void type(String css, String text) {
        WebElement input = await(css);
        input.clear();
        input.sendKeys(text);
    }

    /** Opens the app as a fresh browser would and picks the demo user name. */
    void logIn(URI app, String name) {
        driver.get(app.toString());
        driver.executeScript("localStorage.clear()");
        driver.navigate().refresh();
        type("#user-name", name);
        find("#login-form button").click();
        until(d -> find("#current-user").getText().equals(name));
    }

    /** Submits the new-album form; see {@link #createAlbum} for one that must succeed. */
    void submitAlbum(String name) {
        type("#new-album-name", name);
        find("#new-album-form button").click();
    }

    void createAlbum(String name) {
        submitAlbum(name);
        until(d -> find("#album-title").getText().equals(name));
    }

    void upload(Path... files) {
        find("#file-input").sendKeys(Arrays.stream(files).map(f -> f.toAbsolutePath().toString())
                .collect(Collectors.joining("\n")));
    }

    /** Starts keeping every text the element (by CSS) shows from now on, for {@link #recordedTexts}. */
    void recordTexts(String css) {
        driver.executeScript("const e = document.querySelector(arguments[0]); window.recordedTexts = [];"
                + " new MutationObserver(() => window.recordedTexts.push(e.textContent))"
                + ".observe(e, { childList: true, characterData: true, subtree: true });", css);
    }

    /** The texts shown since {@link #recordTexts}, in order. */
    @SuppressWarnings("unchecked")
    List<String> recordedTexts() {
        return (List<String>) driver.executeScript("return window.recordedTexts");
    }

    /** Sets the window's size, as a phone (390), a laptop (1280) or a desktop (1440) would have it. */
    void width(int width) {
        driver.manage().window().setSize(new Dimension(width, 1000));
        // the window resizes a moment after it was told to
        until(d -> (Long) driver.executeScript("return window.innerWidth") <= width);
    }

    /** How many pixels the page is wider than the window: 0 when nothing makes it scroll sideways. */
    long horizontalOverflow() {
        return (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    /** Runs the axe-core audit on the page as it is: the serious and critical violations, one line each. */
    List<String> accessibilityProblems() {
        if (!Files.isRegularFile(AXE)) {
            throw new IllegalStateException(AXE + " is missing: the build fetches it (mvn process-test-resources)");
        }
        try {
            driver.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations.map((v) => ({"
                + " id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') }))),"
                + " (e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: '' }]));");
        return violations.stream().filter(v -> List.of("serious", "critical").contains(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " (" + v.get("nodes") + ")")
                .toList();
    }

    /** The network events since the last call: method (Network.*) and params of each. */
    List<JsonNode> networkEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if (message.path("method").asText().startsWith("Network.")) {
                    events.add(message);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    Path screenshot(WebElement element, String name) {
        try {
            Path file = Files.createDirectories(SCREENSHOTS).resolve(name);
            Files.write(file, ((TakesScreenshot) element).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    Path profile() {
        return profile;
    }
}
