package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Failed view: photos whose label detection kept failing until the queue gave up, and a GIF the pipeline refuses,
 * each with its step and reason in words; with labels back, Retry and "Retry all" follow the photos to done and their
 * thumbnails, while the GIF stays listed with no way to retry it.
 */
class FailedViewBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String USER = "failures-view";
    private static final String LABELS_CAUSE = "Gave up after 5 deliveries (1 attempt in the last): ";

    @RegisterExtension
    static final BrowserSession SESSION = BrowserSession.withService(TestService.QUICK_DEAD_LETTERS);

    private final Browser browser = SESSION.browser();
    private final TestService service = SESSION.service();
    private final Api api = new Api(service.web());

    @Test
    void failedPhotosAreExplainedAndRetriedToSuccessButARefusedFileIsNot() {
        service.rekognition().fail("Incoming/");
        api.createAlbum(USER, "Flaky");
        List<String> dead = List.of(api.uploadJpeg(USER, "Flaky", "a.jpg", TestImages.jpeg(80, 60)),
                api.uploadJpeg(USER, "Flaky", "b.jpg", TestImages.jpeg(81, 60)),
                api.uploadJpeg(USER, "Flaky", "c.jpg", TestImages.jpeg(82, 60)));
        String gif = api.uploadJpeg(USER, "Flaky", "anim.jpg", TestImages.gif(TestImages.gradient(60, 40)));
        Awaitility.await().atMost(WAIT).until(() -> dead.stream().allMatch(id ->
                api.get("api/photos/" + id, USER).json().path("item").path("deadLetter").asBoolean())
                && service.queueDepth("image-events-dlq") == 3
                && "FAILED".equals(api.get("api/photos/" + gif, USER).json().path("item").path("status").asText()));

        browser.logIn(service.web(), USER);
        WebElement link = browser.await("#failed-link");
        assertThat(link.getText()).isEqualTo("Failed 4");
        link.click();
        browser.until(d -> d.findElements(By.cssSelector("#failed-list .failure")).size() == 4);
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/failed");
        assertThat(browser.find("#failed-status").getText()).isEqualTo("4 failed photos");
        for (String id : dead) {
            WebElement row = row(id);
            assertThat(row.findElement(By.cssSelector(".file-name")).getText())
                    .isEqualTo("abc".charAt(dead.indexOf(id)) + ".jpg");
            assertThat(text(row, ".failure-album")).isEqualTo("in Flaky");
            assertThat(row.findElement(By.cssSelector(".failure-album a")).getAttribute("href"))
                    .endsWith("#/album/Flaky");
            assertThat(text(row, ".failure-step")).isEqualTo("Failed while recognising what is in the photo");
            assertThat(text(row, ".failure-reason"))
                    .isEqualTo("A service the processing depends on failed or could not be reached.");
            assertThat(text(row, ".failure-cause")).startsWith(LABELS_CAUSE).contains("Label service unavailable");
            assertThat(text(row, "button.retry")).isEqualTo("Retry");
        }
        WebElement refused = row(gif);
        assertThat(text(refused, ".file-name")).isEqualTo("anim.jpg");
        assertThat(text(refused, ".failure-step")).isEqualTo("Failed while checking the file type");
        assertThat(text(refused, ".failure-reason"))
                .isEqualTo("This kind of file is not supported: only JPEG and PNG photos are processed.");
        assertThat(text(refused, ".failure-cause")).isEqualTo("GIF images are not supported; upload JPEG or PNG");
        assertThat(text(refused, ".not-retryable"))
                .isEqualTo("A retry cannot fix this: upload the file again, as a JPEG or PNG.");
        assertThat(refused.findElements(By.cssSelector("button"))).isEmpty();
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            assertThat(browser.accessibilityProblems()).as("at %d px", width).isEmpty();
            assertThat(browser.horizontalOverflow()).as("at %d px", width).isZero();
            browser.screenshot(browser.find("body"), "failed-view-" + width + ".png");
        }

        service.rekognition().heal("Incoming/");
        row(dead.get(0)).findElement(By.cssSelector("button.retry")).click();
        browser.until(d -> "retrying".equals(row(dead.get(0)).getAttribute("data-state")));
        assertThat(text(row(dead.get(0)), ".retrying")).isEqualTo("retrying…");
        browser.until(d -> "done".equals(row(dead.get(0)).getAttribute("data-state")), WAIT);
        assertThat(row(dead.get(1)).getAttribute("data-state")).isEqualTo("failed");

        browser.find("#retry-all").click();
        browser.until(d -> browser.find("#failed-status").getText().equals("1 failed photo, 2 retrying, 1 done"));
        browser.until(d -> browser.find("#failed-status").getText().equals("1 failed photo, 3 done"), WAIT);
        for (String id : dead) {
            WebElement done = row(id);
            assertThat(text(done, ".done")).isEqualTo("done");
            assertThat(done.findElements(By.cssSelector("button"))).isEmpty();
            assertThat(done.findElement(By.cssSelector("a.open-photo")).getAttribute("href"))
                    .endsWith("#/album/Flaky/photo/" + id);
            JsonNode photo = api.get("api/photos/" + id, USER).json();
            assertThat(photo.path("item").path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(photo.path("thumbnailUrl").asText()).contains("/Thumbnails/");
        }
        assertThat(row(gif).getAttribute("data-state")).isEqualTo("failed");
        assertThat(row(gif).findElements(By.cssSelector("button"))).isEmpty();
        assertThat(api.all("api/failures", USER, 10)).extracting(f -> f.path("imageID").asText())
                .containsExactly(gif);
        browser.until(d -> browser.find("#failed-count").getText().equals("1"));
        assertThat(service.queueDepth("image-events-dlq")).isZero();

        // the retried photos are in their album's gallery with their thumbnails; the GIF with its reason
        row(dead.get(2)).findElement(By.cssSelector("a.open-photo")).click();
        browser.until(d -> browser.find("#photo-dialog-title").getText().equals("c.jpg"));
        browser.find("#photo-close").click();
        browser.until(d -> d.findElements(By.cssSelector("#gallery .photo-card[data-status='SUCCEEDED']")).size() == 3);
        browser.until(d -> (Boolean) browser.driver.executeScript("const i = [...document.querySelectorAll("
                + "\"#gallery .photo-card[data-status='SUCCEEDED'] img.thumb\")]; return i.length === 3"
                + " && i.every((img) => img.complete && img.naturalWidth > 0);"));
        assertThat(browser.driver.findElements(By.cssSelector("#gallery .photo-card[data-status='FAILED']")))
                .extracting(card -> card.findElement(By.cssSelector(".file-name")).getText())
                .containsExactly("anim.jpg");
    }

    private WebElement row(String imageId) {
        return browser.find("#failed-list .failure[data-image-id='" + imageId + "']");
    }

    private static String text(WebElement row, String css) {
        return row.findElement(By.cssSelector(css)).getText();
    }
}
