package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.imageproc.TestService;
import org.imageproc.testing.ExifBuilder;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app with a 60-photo batch, as a new user tries it at 390, 1280 and 1440 px: one summary poll instead of
 * per-photo polls, thumbnails the browser caches, a dense grid, sorting, a fresh tab that shows the server's state,
 * no serious accessibility problems (axe-core); and a reload in the middle of a batch, which loses no file silently.
 */
class WebAppScaleBrowserIT {

    private static final int BATCH = 60;
    private static final Path PHOTOS = Path.of("target", "browser-photos", "batch");

    // a ticket lives 5 s: an upload cut off by a reload shows as not arrived soon after
    @RegisterExtension
    static final BrowserSession SESSION = BrowserSession.withService(Map.of("imageproc.web.upload-seconds", "5"));

    private final Browser browser = SESSION.browser();
    private final TestService service = SESSION.service();

    @Test
    void aSixtyPhotoBatchIsFollowedWithFewRequestsAndTheGalleryHoldsUp() throws IOException {
        List<Path> files = photos("photo", BATCH);
        browser.logIn(service.web(), "sixty");
        browser.createAlbum("Sixty");
        browser.networkEvents();
        browser.upload(files.toArray(Path[]::new));
        assertThat(leavingIsQuestioned()).as("beforeunload while uploads run").isTrue();
        // 60 photos through the whole flow: minutes on a busy machine
        browser.until(d -> scrolledThroughThumbnails() && d.findElements(
                By.cssSelector("#gallery .photo-card[data-status='SUCCEEDED']")).size() == BATCH, Duration.ofMinutes(5));
        Requests batch = Requests.of(eventsWithThumbnails(BATCH), cardsDrawn());
        browser.until(d -> browser.find("#batch-summary").getText().equals(BATCH + " of " + BATCH + " done"));
        assertThat(leavingIsQuestioned()).as("beforeunload once every file went").isFalse();
        browser.driver.navigate().refresh();
        browser.until(d -> scrolledThroughThumbnails()
                && d.findElements(By.cssSelector("#gallery img.thumb")).size() == BATCH);
        Requests reload = Requests.of(browser.networkEvents(), cardsDrawn());
        Requests.report("60-photo batch", batch, "reload", reload);

        assertThat(batch.photoPolls()).as("per-photo polls").isZero();
        assertThat(batch.summaryPolls()).as("summary polls").isBetween(1, 150);
        assertThat(batch.thumbnailDownloads()).as("thumbnail downloads").isBetween(BATCH, BATCH + 10);
        assertThat(batch.cardsDrawn()).as("cards drawn").isLessThanOrEqualTo(3 * BATCH);
        assertThat(reload.thumbnailDownloads()).as("thumbnails downloaded again after a reload").isZero();

        // dense at every width; sorted by date taken on request
        assertThat(columns(1440)).isGreaterThanOrEqualTo(7);
        assertThat(columns(1280)).isGreaterThanOrEqualTo(6);
        assertThat(columns(390)).isEqualTo(2);
        browser.width(1280);
        new Select(browser.find("#sort")).selectByValue("taken");
        List<String> names = browser.driver.findElements(By.cssSelector("#gallery .file-name")).stream()
                .map(WebElement::getText).toList();
        assertThat(names).containsExactlyElementsOf(IntStream.range(0, BATCH)
                .mapToObj(i -> String.format("photo-%02d.jpg", BATCH - 1 - i)).toList());

        // a keyboard user sees where they are: a ring on the focused photo
        browser.driver.executeScript("document.querySelector('#sort').focus()");
        browser.find("#sort").sendKeys(Keys.TAB);
        assertThat(browser.driver.executeScript("const e = document.activeElement, s = getComputedStyle(e);"
                + " return [e.getAttribute('aria-label'), s.outlineStyle, s.outlineWidth].join(' ')"))
                .isEqualTo("photo-59.jpg solid 3px");

        // a tab opened afresh shows the server's state: nothing processing
        String album = browser.driver.getCurrentUrl();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get(album);
        browser.until(d -> scrolledThroughThumbnails()
                && d.findElements(By.cssSelector("#gallery .photo-card")).size() == BATCH);
        assertThat(browser.find("#batch-summary").getText()).isEqualTo(BATCH + " of " + BATCH + " done");
        assertThat(browser.driver.findElements(By.cssSelector(".thumb.placeholder"))).isEmpty();

        for (int width : new int[] {390, 1280, 1440}) {
            browser.width(width);
            assertThat(browser.accessibilityProblems()).as("album at %d px", width).isEmpty();
            browser.find("#gallery .photo-card button.open").click();
            browser.await("#photo-detail .frame img");
            assertThat(browser.accessibilityProblems()).as("photo view at %d px", width).isEmpty();
            browser.find("#photo-close").click();
            browser.until(d -> !browser.find("#photo-dialog").isDisplayed());
            browser.driver.get(service.web() + "#/");
            browser.await("#album-list img.cover");
            assertThat(browser.accessibilityProblems()).as("albums at %d px", width).isEmpty();
            browser.driver.get(album);
            browser.await("#gallery .photo-card");
        }
        browser.width(1280);
    }

    @Test
    void aReloadDuringABatchShowsWhatArrivedAndWhatDidNot() throws IOException {
        List<Path> files = photos("reload", 20);
        browser.logIn(service.web(), "reloader");
        browser.createAlbum("Cut-short");
        // a slow link: the reload comes while files are on their way
        throttle(20_000);
        browser.upload(files.toArray(Path[]::new));
        assertThat(leavingIsQuestioned()).isTrue();
        browser.until(d -> (Boolean) browser.driver.executeScript("return Object.keys(localStorage).some((k) =>"
                + " k.startsWith('imageproc.batch.') && localStorage[k].includes('\"SENDING\"'))"));
        reloadAnyway();
        throttle(-1);

        // every file is accounted for: done, or did not arrive (never sent, or cut off), none left uploading
        browser.until(d -> browser.find("#batch-summary").getText().matches("\\d+ of 20 done, \\d+ did not arrive"));
        String[] words = browser.find("#batch-summary").getText().split("\\D+");
        int done = Integer.parseInt(words[0]);
        int lost = Integer.parseInt(words[2]);
        assertThat(done + lost).isEqualTo(20);
        assertThat(lost).isPositive();
        browser.find("#batch-details summary").click();
        List<WebElement> notArrived = browser.driver.findElements(
                By.cssSelector(".batch-file[data-state='NOT_SENT'], .batch-file[data-state='MISSING']"));
        assertThat(notArrived).hasSize(lost);
        assertThat(notArrived).allSatisfy(row -> {
            assertThat(row.findElement(By.cssSelector(".batch-name")).getText()).matches("reload-\\d\\d\\.jpg");
            assertThat(row.findElement(By.cssSelector(".batch-cause")).getText()).endsWith("add the file again");
        });
        assertThat(browser.driver.findElements(By.cssSelector("#gallery .photo-card"))).hasSize(done);
    }

    /** Reloads the page, accepting the "leave the page?" question if the browser asks it. */
    private void reloadAnyway() {
        browser.driver.executeScript("window.oldPage = true; setTimeout(() => location.reload())");
        browser.until(d -> {
            try {
                d.switchTo().alert().accept();
            } catch (NoAlertPresentException e) {
                // no question asked
            }
            return (Boolean) browser.driver.executeScript(
                    "return window.oldPage === undefined && document.readyState === 'complete'");
        });
    }

    /** Limits what the page sends to that many bytes a second; -1: no limit. */
    private void throttle(int bytesPerSecond) {
        browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                "latency", 0, "downloadThroughput", -1, "uploadThroughput", bytesPerSecond));
    }

    private boolean leavingIsQuestioned() {
        return (Boolean) browser.driver.executeScript("const e = new Event('beforeunload', { cancelable: true });"
                + " window.dispatchEvent(e); return e.defaultPrevented;");
    }

    /**
     * The network events since the last read. The browser's performance log can trail the page: a thumbnail the page
     * shows as loaded may have its response event read a moment later (once seen as 7 of 60 counted after the
     * reload), so the log is read until {@code thumbnails} downloads are in it, or for 10 s; the assertions on the
     * counts follow.
     */
    private List<JsonNode> eventsWithThumbnails(int thumbnails) {
        List<JsonNode> events = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                events.addAll(browser.networkEvents());
                return Requests.of(events, 0).thumbnailDownloads() >= thumbnails;
            });
        } catch (ConditionTimeoutException e) {
            // fewer than expected: the assertion on the count says how many
        }
        return events;
    }

    private long cardsDrawn() {
        Object drawn = browser.driver.executeScript("return window.imageprocStats?.cardsDrawn ?? -1");
        return ((Number) drawn).longValue();
    }

    /**
     * Whether every thumbnail of every page has loaded, scrolling to the first that has not, else to the end of the
     * gallery, as a person looking through the album would: the thumbnails load lazily and the gallery a page at a
     * time, so those far below the fold wait for the scroll.
     */
    private boolean scrolledThroughThumbnails() {
        return (Boolean) browser.driver.executeScript("const waiting = [...document.querySelectorAll("
                + "'#gallery img.thumb')].find((i) => !i.complete); const more = document.querySelector("
                + "'#gallery-more'); (waiting ?? (more.hidden ? null : more))?.scrollIntoView();"
                + " return !waiting && more.hidden;");
    }

    private int columns(int width) {
        browser.width(width);
        return ((String) browser.driver.executeScript(
                "return getComputedStyle(document.querySelector('#gallery')).gridTemplateColumns")).split(" ").length;
    }

    /** Distinct JPEGs, each taken a day after the one before. */
    private static List<Path> photos(String prefix, int count) throws IOException {
        Path folder = Files.createDirectories(PHOTOS);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = folder.resolve(String.format("%s-%02d.jpg", prefix, i));
            String taken = LocalDate.of(2020, 1, 1).plusDays(i).toString().replace('-', ':') + " 10:00:00";
            Files.write(file, new ExifBuilder().dateTimeOriginal(taken)
                    .writeInto(TestImages.jpeg(TestImages.gradient(640 + i, 480))));
            files.add(file);
        }
        return files;
    }

    /** The requests the app made, from the browser's network events, and the gallery cards it drew. */
    record Requests(int summaryPolls, int photoPolls, int galleryLists, int tickets, int thumbnailDownloads,
            long cardsDrawn) {

        static Requests of(List<JsonNode> events, long cardsDrawn) {
            int summary = 0;
            int photo = 0;
            int lists = 0;
            int tickets = 0;
            int thumbnails = 0;
            // a memory-cache hit is reported too, as served from cache
            Set<String> cached = events.stream()
                    .filter(e -> e.path("method").asText().equals("Network.requestServedFromCache"))
                    .map(e -> e.path("params").path("requestId").asText()).collect(Collectors.toSet());
            for (JsonNode event : events) {
                String method = event.path("method").asText();
                JsonNode params = event.path("params");
                if (method.equals("Network.requestWillBeSent")) {
                    String url = params.path("request").path("url").asText();
                    summary += url.matches(".*/api/albums/.*/summary") ? 1 : 0;
                    photo += url.matches(".*/api/photos/[^/]+") ? 1 : 0;
                    lists += url.matches(".*/api/albums/.*/photos(\\?.*)?") ? 1 : 0;
                    tickets += url.matches(".*/api/albums/.*/uploads") ? 1 : 0;
                } else if (method.equals("Network.responseReceived")) {
                    JsonNode response = params.path("response");
                    boolean thumbnail = response.path("url").asText().contains("/Thumbnails/");
                    thumbnails += thumbnail && !response.path("fromDiskCache").asBoolean()
                            && !cached.contains(params.path("requestId").asText()) ? 1 : 0;
                }
            }
            return new Requests(summary, photo, lists, tickets, thumbnails, cardsDrawn);
        }

        static void report(String first, Requests a, String second, Requests b) {
            String text = first + ": " + a + "\n" + second + ": " + b + "\n";
            System.out.print(text);
            try {
                Files.writeString(Files.createDirectories(Path.of("target")).resolve("web-requests.txt"), text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
