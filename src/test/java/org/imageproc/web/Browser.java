package org.imageproc.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
        return new WebDriverWait(driver, Duration.ofSeconds(40)).until(condition);
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
