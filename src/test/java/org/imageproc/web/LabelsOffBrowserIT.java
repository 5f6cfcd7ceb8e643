package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** With label detection off (plain local mode), the app shows the step as skipped and the photo as not labelled. */
class LabelsOffBrowserIT {

    @RegisterExtension
    static final BrowserSession SESSION = BrowserSession.withService(Map.of("imageproc.labels.enabled", "false"));

    private final Browser browser = SESSION.browser();
    private final TestService service = SESSION.service();

    @Test
    void aSkippedLabelStepIsShownAsSkippedAndThePhotoHasNoTags() throws IOException {
        browser.logIn(service.web(), "nolabels");
        browser.createAlbum("Plain");
        Path png = Files.createDirectories(Path.of("target", "browser-photos")).resolve("plain.png");
        Files.write(png, TestImages.png(TestImages.gradient(300, 200)));
        browser.upload(png);

        WebElement card = browser.await(".photo-card[data-status='SUCCEEDED']");
        assertThat(card.findElement(By.cssSelector(".tags")).getText()).isEqualTo("Label detection is off");
        assertThat(card.findElement(By.cssSelector("img.thumb")).getAttribute("alt"))
                .isEqualTo("Photo (label detection is off)");
        card.findElement(By.cssSelector("button.open")).click();
        WebElement flow = browser.await("#photo-detail .facts");
        assertThat(flow.getText()).contains("300 × 200");
        browser.find("#photo-detail details.steps summary").click();
        WebElement labels = browser.await("#photo-detail [data-step='detect-labels']");
        assertThat(labels.getAttribute("data-state")).isEqualTo("SKIPPED");
        assertThat(labels.findElement(By.cssSelector(".step-info")).getText()).matches("skipped · \\d+ ms");
        assertThat(browser.find("#photo-detail [data-step='end']").getAttribute("data-state")).isEqualTo("SUCCEEDED");
        assertThat(browser.driver.findElements(By.cssSelector("#photo-dialog .box"))).isEmpty();
    }
}
