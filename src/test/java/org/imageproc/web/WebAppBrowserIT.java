package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import org.imageproc.TestService;
import org.imageproc.testing.ExifBuilder;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Drives the real web app in headless Chromium against the running service and its embedded stack: log in, create
 * an album, upload a JPEG with GPS, a GIF (refused before upload) and a GIF named .png, watch them reach SUCCEEDED,
 * ERROR and FAILED, browse the gallery.
 */
class WebAppBrowserIT {

    private static final Path PHOTOS = Path.of("..", "shared", "testdata", "photos");

    private static Browser browser;
    private final TestService service = TestService.get();
    private final String user = "web-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aUserUploadsPhotosWatchesThemProcessAndBrowsesTheGallery() throws IOException {
        browser.logIn(service.web(), user);
        browser.createAlbum("Holiday-2024");
        assertThat(browser.await("#album-title").getText()).isEqualTo("Holiday-2024");

        Path jpeg = photo("htc_desire_gps.jpg");
        Path gif = photo("gif_photo_500x375.gif");
        // the browser types a file by its name: this one gets a PNG ticket, S3 stores it, the pipeline refuses it
        Path disguised = Files.copy(gif, Files.createDirectories(Path.of("target", "browser-photos"))
                .resolve("disguised-gif.png"), StandardCopyOption.REPLACE_EXISTING);
        browser.upload(jpeg, gif, disguised);

        WebElement jpegRun = browser.await(".run[data-state='SUCCEEDED']");
        WebElement refusedRun = browser.await(".run[data-state='ERROR']");
        WebElement gifRun = browser.await(".run[data-state='FAILED']");
        assertThat(jpegRun.findElement(By.cssSelector(".run-file")).getText()).isEqualTo(jpeg.getFileName().toString());
        assertThat(jpegRun.findElement(By.cssSelector(".run-status")).getText()).startsWith("SUCCEEDED · execution ");
        assertThat(jpegRun.findElement(By.cssSelector("progress")).getAttribute("value")).isEqualTo("1");
        HeadObjectResponse stored = service.s3().headObject(r -> r.bucket(TestService.BUCKET)
                .key("Incoming/" + jpegRun.getAttribute("data-image-id")));
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(stored.contentLength()).isEqualTo(Files.size(jpeg));
        assertThat(stored.metadata()).containsOnly(entry("userid", user), entry("albumid", user + "/Holiday-2024"));
        assertThat(refusedRun.findElement(By.cssSelector(".run-file")).getText())
                .isEqualTo(gif.getFileName().toString());
        assertThat(refusedRun.findElement(By.cssSelector(".run-status")).getText())
                .isEqualTo("Only JPEG and PNG photos can be uploaded (this file is image/gif)");
        assertThat(gifRun.findElement(By.cssSelector(".run-file")).getText()).isEqualTo("disguised-gif.png");
        for (String step : List.of("start", "read-image", "extract-metadata", "check-image", "store-metadata",
                "decode-image", "detect-labels", "make-thumbnail", "finish-execution", "end")) {
            assertThat(jpegRun.findElement(By.cssSelector("[data-step='" + step + "']")).getAttribute("data-state"))
                    .as(step).isEqualTo("SUCCEEDED");
        }
        assertThat(jpegRun.findElement(By.cssSelector("[data-step='make-thumbnail'] .step-info")).getText())
                .matches("done · \\d+ ms");
        assertThat(gifRun.findElement(By.cssSelector(".run-cause")).getText())
                .isEqualTo("GIF images are not supported; upload JPEG or PNG");
        assertThat(gifRun.findElement(By.cssSelector("[data-step='check-image']")).getAttribute("data-state"))
                .isEqualTo("FAILED");
        assertThat(gifRun.findElement(By.cssSelector("[data-step='make-thumbnail']")).getAttribute("data-state"))
                .isEqualTo("PENDING");
        browser.screenshot(browser.find("#runs-section"), "processing.png");

        WebElement card = browser.await(".photo-card[data-status='SUCCEEDED']");
        browser.driver.executeScript("arguments[0].scrollIntoView()", card);
        browser.until(d -> (Boolean) browser.driver.executeScript("const i = document.querySelector("
                + "\".photo-card[data-status='SUCCEEDED'] img.thumb\"); return i.complete && i.naturalWidth > 0;"));
        assertThat(card.findElements(By.cssSelector(".tags li"))).extracting(WebElement::getText)
                .containsExactly("Dog", "Animal");
        WebElement location = card.findElement(By.cssSelector("a.location"));
        assertThat(location.getText()).isEqualTo("45°30′02.4″N 9°06′37.2″E");
        assertThat(location.getAttribute("href")).contains("mlat=45.500667&mlon=9.110333");
        assertThat(card.findElement(By.cssSelector(".facts")).getText()).contains("Camera\nHTC Desire");
        // the rejected GIF stays in its album, with its reason instead of a thumbnail
        WebElement failedCard = browser.await(".photo-card[data-status='FAILED']");
        assertThat(failedCard.findElement(By.cssSelector(".cause")).getText())
                .isEqualTo("GIF images are not supported; upload JPEG or PNG");
        assertThat(browser.driver.findElements(By.cssSelector("#gallery .photo-card"))).hasSize(2);

        browser.driver.navigate().refresh();
        card = browser.await(".photo-card[data-status='SUCCEEDED']");
        browser.until(d -> (Boolean) browser.driver.executeScript("const i = document.querySelector("
                + "\".photo-card[data-status='SUCCEEDED'] img.thumb\"); return i.complete && i.naturalWidth > 0;"));
        browser.screenshot(browser.find("#album-view"), "gallery.png");

        card.findElement(By.cssSelector("button.open")).click();
        WebElement box = browser.await("#photo-dialog .box");
        assertThat(box.getText()).isEqualTo("Dog 98%");
        browser.until(d -> (Boolean) browser.driver.executeScript(
                "const i = document.querySelector('#photo-detail img'); return i.complete && i.naturalWidth > 0;"));
        browser.screenshot(browser.find("#photo-dialog"), "detail.png");
        assertThat(browser.find("#photo-detail .stored").getText()).contains("exifMake", "HTC", "albumID",
                user + "/Holiday-2024");
        browser.find("#photo-dialog button[type='submit']").click();
    }

    @Test
    void anotherUserDoesNotSeeTheAlbumAndADuplicateNameIsExplained() {
        browser.logIn(service.web(), user);
        browser.createAlbum("Private");
        browser.driver.get(service.web() + "#/");
        browser.await(".album-link");
        browser.submitAlbum("Private");
        assertThat(browser.await("#album-message").getText()).isEqualTo("An album named 'Private' already exists");

        browser.find("#logout").click();
        browser.logIn(service.web(), "other-" + user);
        browser.await("#no-albums");
        assertThat(browser.driver.findElements(By.cssSelector(".album-link"))).isEmpty();
        browser.driver.get(service.web() + "#/album/Private");
        assertThat(browser.await("#album-error").getText()).isEqualTo("No album named 'Private'");
    }

    @Test
    void storedTextIsShownAsTextAndThePageFitsAPhone() throws IOException {
        browser.logIn(service.web(), user);
        browser.createAlbum("Xss");
        Path jpeg = Files.createDirectories(Path.of("target", "browser-photos")).resolve("xss.jpg");
        Files.write(jpeg, new ExifBuilder().make("<img src=x onerror=\"document.title='owned'\">")
                .model("<b>bold</b>").writeInto(TestImages.jpeg(TestImages.gradient(320, 240))));
        browser.upload(jpeg);
        WebElement card = browser.await(".photo-card[data-status='SUCCEEDED']");

        assertThat(card.findElement(By.cssSelector(".facts")).getText())
                .contains("Camera\n<img src=x onerror=\"document.title='owned'\"> <b>bold</b>");
        assertThat(card.findElements(By.cssSelector(".facts img, .facts b"))).isEmpty();
        assertThat(browser.driver.getTitle()).isEqualTo("imageproc");

        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            Long overflow = (Long) browser.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isZero();
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /** A real photo from the shared test data, or a generated stand-in with the same GPS when it is absent. */
    private static Path photo(String name) throws IOException {
        Path shared = PHOTOS.resolve(name);
        if (Files.isRegularFile(shared)) {
            return shared.toRealPath();
        }
        Path generated = Files.createDirectories(Path.of("target", "browser-photos")).resolve(name);
        Files.write(generated, name.endsWith(".gif") ? TestImages.gif(TestImages.gradient(500, 375))
                : new ExifBuilder().make("HTC").model("Desire").gps(45.5006667, 9.1103333)
                        .writeInto(TestImages.jpeg(TestImages.gradient(640, 480))));
        return generated;
    }
}
