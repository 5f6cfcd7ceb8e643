package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A photo whose label detection keeps failing: the batch shows each failed delivery as waiting to be retried, then,
 * once the queue gave up on it, the photo as failed with its cause and a Retry button; with labels back, Retry puts
 * its event back on the queue and the app follows the new run to SUCCEEDED.
 */
class RetryBrowserIT {

    @RegisterExtension
    static final BrowserSession SESSION = BrowserSession.withService(TestService.QUICK_DEAD_LETTERS);

    private final Browser browser = SESSION.browser();
    private final TestService service = SESSION.service();

    @Test
    void aPhotoTheQueueGaveUpOnIsShownFailedAndRetryProcessesItAgain() throws IOException {
        service.rekognition().fail("Incoming/");
        browser.logIn(service.web(), "retrier");
        browser.createAlbum("Flaky");
        Path jpeg = Files.createDirectories(Path.of("target", "browser-photos")).resolve("retried.jpg");
        Files.write(jpeg, TestImages.jpeg(320, 240));
        browser.upload(jpeg);
        browser.find("#batch-details summary").click();

        WebElement waiting = browser.await(".batch-file[data-state='WAITING'] .batch-cause");
        assertThat(waiting.getText()).startsWith("Delivery ").contains("Label service unavailable");
        assertThat(browser.find(".batch-file[data-state='WAITING'] .batch-state").getText())
                .isEqualTo("failed, will be retried");
        WebElement row = browser.await(".batch-file[data-state='FAILED']");
        assertThat(row.findElement(By.cssSelector(".batch-cause")).getText())
                .startsWith("Gave up after 5 deliveries (1 attempt in the last): ");
        assertThat(browser.find("#batch-summary").getText()).isEqualTo("0 of 1 done, 1 failed");
        WebElement card = browser.await(".photo-card[data-status='FAILED']");
        assertThat(card.findElement(By.cssSelector(".cause")).getText()).startsWith("Gave up after 5 deliveries");
        assertThat(card.findElement(By.cssSelector("button.retry")).getText()).isEqualTo("Retry");
        browser.screenshot(browser.find("#album-view"), "dead-letter.png");

        service.rekognition().heal("Incoming/");
        card.findElement(By.cssSelector("button.retry")).click();

        browser.until(d -> browser.find("#batch-summary").getText().equals("1 of 1 done"));
        WebElement done = browser.await(".photo-card[data-status='SUCCEEDED']");
        assertThat(done.findElements(By.cssSelector("button.retry"))).isEmpty();
        assertThat(done.findElements(By.cssSelector(".tags li"))).extracting(WebElement::getText)
                .containsExactly("Dog", "Animal");
        done.findElement(By.cssSelector("button.open")).click();
        browser.await("#photo-detail details.steps summary").click();
        WebElement labels = browser.await("#photo-detail [data-step='detect-labels']");
        assertThat(labels.getAttribute("data-state")).isEqualTo("SUCCEEDED");
        assertThat(service.queueDepth("image-events-dlq")).isZero();
    }
}
