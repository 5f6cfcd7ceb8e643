package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.imageproc.TestService;
import org.imageproc.backfill.InProcessBackfill;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A bucket with photos already in it: objects under Incoming/ with a user's and album's metadata but without their
 * events, processed by the backfill command, end up in the album in the browser, processed, with their thumbnails.
 */
class BackfillBrowserIT {

    private static final int PHOTOS = 3;

    @RegisterExtension
    static final BrowserSession SESSION = BrowserSession.withSharedService();

    private final Browser browser = SESSION.browser();
    private final TestService service = SESSION.service();
    private final String user = "backfill-" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void photosThatWereInTheBucketBeforeTheServiceAppearInTheirAlbum() throws Exception {
        assertThat(new Api(service.web()).createAlbum(user, "Old-Photos").status()).isEqualTo(201);
        // image ids as the app makes them, sharing their first part so that one prefix names them all
        String shared = UUID.randomUUID().toString().substring(0, 9);
        List<String> ids = IntStream.range(0, PHOTOS)
                .mapToObj(i -> shared + UUID.randomUUID().toString().substring(9) + ".jpg").toList();
        InProcessBackfill.withoutEvents(service, () -> ids.forEach(id -> service.s3().putObject(r -> r
                        .bucket(TestService.BUCKET).key("Incoming/" + id).contentType("image/jpeg")
                        .metadata(Map.of("userid", user, "albumid", user + "/Old-Photos",
                                "filename", "old-" + ids.indexOf(id) + ".jpg")),
                RequestBody.fromBytes(TestImages.jpeg(100 + ids.indexOf(id), 75)))));
        assertThat(ids).allSatisfy(id -> assertThat(service.item(id)).isEmpty());

        StringBuilder out = new StringBuilder();
        int code = InProcessBackfill.run(service, out, () -> false, "--prefix", "Incoming/" + shared, "--rate", "50");

        assertThat(code).as(out.toString()).isZero();
        assertThat(out).contains("Processed " + PHOTOS + " of " + PHOTOS + ": " + PHOTOS + " done, 0 failed");
        browser.logIn(service.web(), user);
        browser.driver.get(service.web() + "#/album/Old-Photos");
        browser.until(d -> d.findElements(By.cssSelector("#gallery .photo-card[data-status='SUCCEEDED']")).size()
                == PHOTOS);
        browser.until(d -> (Boolean) browser.driver.executeScript("const i = [...document.querySelectorAll("
                + "'#gallery .photo-card img.thumb')]; return i.length === arguments[0]"
                + " && i.every((img) => img.complete && img.naturalWidth > 0);", PHOTOS));
        List<WebElement> cards = browser.driver.findElements(By.cssSelector("#gallery .photo-card"));
        assertThat(cards).extracting(card -> card.getAttribute("data-image-id")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(cards).extracting(card -> card.findElement(By.cssSelector(".file-name")).getText())
                .containsExactlyInAnyOrder("old-0.jpg", "old-1.jpg", "old-2.jpg");
        assertThat(cards).allSatisfy(card -> assertThat(card.findElement(By.cssSelector("img.thumb"))
                .getAttribute("src")).contains("/Thumbnails/"));
    }
}
