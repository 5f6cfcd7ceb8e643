package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;

import org.imageproc.TestService;
import org.imageproc.testing.ExifBuilder;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Drives the real web app in headless Chromium against the running service and its embedded stack: log in, create
 * an album, upload a JPEG with GPS, a GIF (refused before upload) and a GIF named .png, follow the batch to done,
 * refused and failed, browse the gallery and the photo view.
 */
class WebAppBrowserIT {

    private static final Path PHOTOS = Path.of("..", "shared", "testdata", "photos");

    @RegisterExtension
    static final BrowserSession SESSION = BrowserSession.withSharedService();

    private final Browser browser = SESSION.browser();
    private final TestService service = SESSION.service();
    private final String user = "web-" + UUID.randomUUID().toString().substring(0, 6);


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

        browser.until(d -> browser.find("#batch-summary").getText().equals("1 of 3 done, 2 failed"));
        browser.find("#batch-details summary").click();
        WebElement done = browser.await(".batch-file[data-state='SUCCEEDED']");
        WebElement refused = browser.await(".batch-file[data-state='REFUSED']");
        WebElement failed = browser.await(".batch-file[data-state='FAILED']");
        assertThat(done.findElement(By.cssSelector(".batch-name")).getText()).isEqualTo("htc_desire_gps.jpg");
        assertThat(refused.findElement(By.cssSelector(".batch-name")).getText()).isEqualTo("gif_photo_500x375.gif");
        assertThat(refused.findElement(By.cssSelector(".batch-cause")).getText())
                .isEqualTo("Only JPEG and PNG photos can be uploaded (this file is image/gif)");
        assertThat(failed.findElement(By.cssSelector(".batch-name")).getText()).isEqualTo("disguised-gif.png");
        assertThat(failed.findElement(By.cssSelector(".batch-cause")).getText())
                .isEqualTo("GIF images are not supported; upload JPEG or PNG");
        assertThat(browser.find("#batch-progress").getAttribute("value")).isEqualTo("1");
        String imageId = done.getAttribute("data-image-id");
        HeadObjectResponse stored = service.s3().headObject(r -> r.bucket(TestService.BUCKET)
                .key("Incoming/" + imageId));
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(stored.contentLength()).isEqualTo(Files.size(jpeg));
        assertThat(stored.metadata()).containsOnly(entry("userid", user), entry("albumid", user + "/Holiday-2024"),
                entry("filename", "htc_desire_gps.jpg"));
        assertThat(service.dynamoDb().getItem(r -> r.tableName("ImageMetadata")
                .key(Map.of("imageID", AttributeValue.fromS(imageId)))).item().get("fileName").s())
                .isEqualTo("htc_desire_gps.jpg");
        browser.screenshot(browser.find("#batch"), "processing.png");

        WebElement card = browser.await(".photo-card[data-status='SUCCEEDED']");
        thumbnailShown();
        assertThat(card.findElements(By.cssSelector(".tags li"))).extracting(WebElement::getText)
                .containsExactly("Dog", "Animal");
        assertThat(card.findElement(By.cssSelector(".file-name")).getText()).isEqualTo("htc_desire_gps.jpg");
        assertThat(card.findElement(By.cssSelector("button.open")).getAttribute("aria-label"))
                .isEqualTo("htc_desire_gps.jpg");
        assertThat(card.findElement(By.cssSelector("img.thumb")).getAttribute("alt"))
                .isEqualTo("Photo showing Dog, Animal");
        // the rejected GIF stays in its album, with its reason instead of a thumbnail
        WebElement failedCard = browser.await(".photo-card[data-status='FAILED']");
        assertThat(failedCard.findElement(By.cssSelector(".cause")).getText())
                .isEqualTo("GIF images are not supported; upload JPEG or PNG");
        assertThat(failedCard.findElement(By.cssSelector(".file-name")).getText()).isEqualTo("disguised-gif.png");
        assertThat(browser.driver.findElements(By.cssSelector("#gallery .photo-card"))).hasSize(2);

        // a tag shows only the photos that have it
        card.findElement(By.cssSelector("button.tag")).click();
        browser.until(d -> d.findElements(By.cssSelector("#gallery .photo-card")).size() == 1);
        assertThat(browser.find("#tag-filter").getText()).startsWith("Tagged Dog");
        browser.find("#tag-filter-clear").click();
        browser.until(d -> d.findElements(By.cssSelector("#gallery .photo-card")).size() == 2);

        // a reload shows the server's state: the same batch, nothing processing
        browser.driver.navigate().refresh();
        browser.until(d -> browser.find("#batch-summary").getText().equals("1 of 3 done, 2 failed"));
        card = browser.await(".photo-card[data-status='SUCCEEDED']");
        thumbnailShown();
        browser.screenshot(browser.find("#album-view"), "gallery.png");

        // newest upload first: the two uploads went at the same time, either may be first
        boolean jpegFirst = browser.find("#gallery .photo-card").getAttribute("data-image-id").equals(imageId);
        card.findElement(By.cssSelector("button.open")).click();
        browser.until(d -> d.getCurrentUrl().endsWith("#/album/Holiday-2024/photo/" + imageId));
        WebElement box = browser.await("#photo-dialog .box");
        assertThat(box.getText()).isEqualTo("Dog 98%");
        assertThat(browser.find("#photo-dialog-title").getText()).isEqualTo("htc_desire_gps.jpg");
        assertThat(browser.find("#photo-position").getText()).isEqualTo((jpegFirst ? 1 : 2) + " of 2");
        WebElement location = browser.find("#photo-detail a.location");
        assertThat(location.getText()).isEqualTo("45°30′02.4″N 9°06′37.2″E");
        assertThat(location.getAttribute("href")).contains("mlat=45.500667&mlon=9.110333");
        assertThat(browser.find("#photo-detail .facts").getText()).contains("Camera\nHTC Desire");
        assertThat(browser.find("#photo-detail a.download").getAttribute("href"))
                .contains("response-content-disposition=attachment%3B%20filename%3D%22htc_desire_gps.jpg%22");
        browser.until(d -> (Boolean) browser.driver.executeScript(
                "const i = document.querySelector('#photo-detail img'); return i.complete && i.naturalWidth > 0;"));
        browser.screenshot(browser.find("#photo-dialog"), "detail.png");
        WebElement raw = browser.find("#photo-detail details.raw");
        assertThat(raw.findElement(By.cssSelector(".stored")).isDisplayed()).isFalse();
        raw.findElement(By.cssSelector("summary")).click();
        assertThat(raw.findElement(By.cssSelector(".stored")).getText()).contains("exifMake", "HTC", "albumID",
                user + "/Holiday-2024");

        // the other photo by the arrow key: the failed one, with its reason
        browser.find("#photo-dialog").sendKeys(jpegFirst ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
        browser.until(d -> browser.find("#photo-dialog-title").getText().equals("disguised-gif.png"));
        assertThat(browser.await("#photo-detail .photo-status").getText())
                .isEqualTo("Failed in check-image: GIF images are not supported; upload JPEG or PNG");
        String failedUrl = browser.driver.getCurrentUrl();
        browser.find(jpegFirst ? "#photo-prev" : "#photo-next").click();
        browser.until(d -> browser.find("#photo-dialog-title").getText().equals("htc_desire_gps.jpg"));

        // Back leaves the photo view for the gallery; a shared link opens the photo
        browser.driver.navigate().back();
        browser.until(d -> !browser.find("#photo-dialog").isDisplayed());
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/album/Holiday-2024");
        browser.driver.get(failedUrl);
        browser.until(d -> browser.find("#photo-dialog-title").getText().equals("disguised-gif.png"));
        browser.find("#photo-close").click();
        browser.until(d -> !browser.find("#photo-dialog").isDisplayed());
    }

    @Test
    void anotherUserDoesNotSeeTheAlbumAndADuplicateNameIsExplained() throws IOException {
        browser.logIn(service.web(), user);
        browser.createAlbum("Private");
        browser.upload(photo("htc_desire_gps.jpg"));
        browser.await(".photo-card[data-status='SUCCEEDED']");
        browser.driver.get(service.web() + "#/");
        browser.await(".album-link");
        browser.submitAlbum("Private");
        assertThat(browser.await("#album-message").getText()).isEqualTo("An album named 'Private' already exists");
        browser.submitAlbum("PRIVATE");
        browser.until(d -> browser.find("#album-message").getText()
                .equals("An album named 'Private' already exists"));
        WebElement album = browser.await("#album-list li");
        browser.until(d -> album.findElement(By.cssSelector(".count")).getText().equals("1 photo"));
        assertThat(album.findElement(By.cssSelector("img.cover")).getAttribute("src")).contains("/Thumbnails/");

        // switching user leaves nothing of the previous user's on screen
        browser.driver.get(service.web() + "#/album/Private");
        browser.await(".photo-card");
        browser.find("#logout").click();
        browser.await("#login-view");
        assertThat(browser.driver.findElements(By.cssSelector(".photo-card, #album-list li, .batch-file"))).isEmpty();
        browser.logIn(service.web(), "other-" + user);
        browser.await("#no-albums");
        assertThat(browser.driver.findElements(By.cssSelector(".album-link"))).isEmpty();
        browser.driver.get(service.web() + "#/album/Private");
        assertThat(browser.await("#album-error").getText()).isEqualTo("No album named 'Private'");
        assertThat(browser.driver.findElements(By.cssSelector(".photo-card"))).isEmpty();
    }

    @Test
    void storedTextIsShownAsTextAndThePageFitsAPhone() throws IOException {
        browser.logIn(service.web(), user);
        browser.createAlbum("Xss");
        Path jpeg = Files.createDirectories(Path.of("target", "browser-photos")).resolve("xss.jpg");
        Files.write(jpeg, new ExifBuilder().make("<img src=x onerror=\"document.title='owned'\">")
                .model("<b>bold</b>").writeInto(TestImages.jpeg(TestImages.gradient(320, 240))));
        browser.upload(jpeg);
        browser.await(".photo-card[data-status='SUCCEEDED'] button.open").click();
        WebElement facts = browser.await("#photo-detail .facts");

        assertThat(facts.getText()).contains("Camera\n<img src=x onerror=\"document.title='owned'\"> <b>bold</b>");
        assertThat(facts.findElements(By.cssSelector("img, b"))).isEmpty();
        assertThat(browser.driver.getTitle()).isEqualTo("imageproc");
        browser.find("#photo-close").click();

        browser.width(390);
        try {
            assertThat(browser.horizontalOverflow()).isZero();
        } finally {
            browser.width(1280);
        }
    }

    private void thumbnailShown() {
        browser.until(d -> (Boolean) browser.driver.executeScript("const i = document.querySelector("
                + "\".photo-card[data-status='SUCCEEDED'] img.thumb\"); return i.complete && i.naturalWidth > 0;"));
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
