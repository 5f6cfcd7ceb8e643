package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** With label detection off (plain local mode), the app shows the step as skipped and the photo as not labelled. */
class LabelsOffBrowserIT {

    private static BrowserAndService session;
    private static Browser browser;
    private static TestService service;

    @BeforeAll
    static void start() throws IOException {
        session = BrowserAndService.start(Map.of("imageproc.labels.enabled", "false"));
        browser = session.browser();
        service = session.service();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aSkippedLabelStepIsShownAsSkippedAndThePhotoHasNoTags() throws IOException {
        browser.logIn(service.web(), "nolabels");
        browser.createAlbum("Plain");
        Path png = Files.createDirectories(Path.of("target", "browser-photos")).resolve("plain.png");
        Files.write(png, TestImages.png(TestImages.gradient(300, 200)));
        browser.upload(png);

        WebElement run = browser.await(".run[data-state='SUCCEEDED']");
        assertThat(run.findElement(By.cssSelector("[data-step='detect-labels']")).getAttribute("data-state"))
                .isEqualTo("SKIPPED");
        assertThat(run.findElement(By.cssSelector("[data-step='detect-labels'] .step-info")).getText())
                .matches("skipped · \\d+ ms");
        assertThat(run.findElement(By.cssSelector("[data-step='end']")).getAttribute("data-state"))
                .isEqualTo("SUCCEEDED");

        WebElement card = browser.await(".photo-card[data-status='SUCCEEDED']");
        assertThat(card.findElement(By.cssSelector(".tags")).getText()).isEqualTo("Label detection is off");
        assertThat(card.findElement(By.cssSelector(".facts")).getText()).contains("300 × 200");
        card.findElement(By.cssSelector("button.open")).click();
        browser.await("#photo-detail .stored");
        assertThat(browser.driver.findElements(By.cssSelector("#photo-dialog .box"))).isEmpty();
    }
}
