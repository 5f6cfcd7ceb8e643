package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.imageproc.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deleting from the web app, each after a confirmation that names what goes: a photo from its view (which moves on
 * to the next photo), then the album with its photos as a job with a progress bar (back to the album list without
 * it); afterwards the bucket and the tables hold nothing of them.
 */
class DeleteBrowserIT {

    @RegisterExtension
    static final BrowserSession SESSION = BrowserSession.withSharedService();

    private final Browser browser = SESSION.browser();
    private final TestService service = SESSION.service();

    @Test
    void aPhotoThenItsAlbumAreDeletedAndNothingOfThemIsLeft() {
        LibraryAlbum album = LibraryAlbum.of(service, "Trip", 3);
        List<String> ids = album.imageIds();
        assertThat(ids).hasSize(3);
        assertThat(ids).allSatisfy(id -> assertThat(labelEntries(id)).as("search entries of %s", id).isNotEmpty());
        browser.logIn(service.web(), album.user);
        browser.driver.get(album.page());
        browser.until(d -> d.findElements(By.cssSelector("#gallery .photo-card")).size() == 3);
        String doomed = ids.get(1);
        String doomedName = album.fileNameOf(doomed);
        browser.find("#gallery .photo-card[data-image-id='" + doomed + "'] button.open").click();
        browser.await("#photo-detail .photo-tools");

        // asked first, naming the file; Cancel keeps it
        browser.find("#photo-detail button.delete-photo").click();
        assertThat(browser.await("dialog.confirm #confirm-text").getText())
                .startsWith("“" + doomedName + "” will be deleted");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.find("dialog.confirm button[value='cancel']").click();
        browser.until(d -> d.findElements(By.cssSelector("dialog.confirm")).isEmpty());
        assertThat(service.item(doomed)).isNotEmpty();

        browser.find("#photo-detail button.delete-photo").click();
        browser.await("dialog.confirm button[value='confirm']").click();

        // on to the next photo, and out of the gallery
        String next = album.fileNameOf(ids.get(2));
        browser.until(d -> browser.find("#photo-dialog-title").getText().equals(next));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/photo/" + ids.get(2));
        assertThat(browser.find("#photo-position").getText()).isEqualTo("2 of 2");
        assertThat(service.item(doomed)).isEmpty();
        assertThat(keysOf(List.of(doomed))).isEmpty();
        assertThat(labelEntries(doomed)).isEmpty();
        browser.find("#photo-close").click();
        browser.until(d -> !browser.find("#photo-dialog").isDisplayed());
        assertThat(browser.driver.findElements(By.cssSelector("#gallery .photo-card"))).extracting(
                card -> card.getAttribute("data-image-id")).containsExactly(ids.get(0), ids.get(2));

        // the album: asked first, naming it and its photos; then a job, and back to the albums without it
        browser.recordTexts("#album-job-status");
        browser.find("#delete-album").click();
        assertThat(browser.await("dialog.confirm #confirm-text").getText())
                .startsWith("The album “Trip” and its 2 photos will be deleted");
        browser.find("dialog.confirm button[value='confirm']").click();

        browser.until(d -> browser.driver.getCurrentUrl().endsWith("#/")
                && browser.find("#albums-view").isDisplayed());
        browser.until(d -> browser.find("#no-albums").isDisplayed());
        assertThat(browser.driver.findElements(By.cssSelector("#album-list .album"))).isEmpty();
        assertThat(browser.recordedTexts()).contains("Deleted the album and its 2 photos.");
        assertThat(album.api.get("api/albums", album.user).json().path("items")).isEmpty();

        assertThat(keysOf(ids)).isEmpty();
        assertThat(service.dynamoDb().query(r -> r.tableName("ImageMetadata").indexName("albumID-uploadTime-index")
                .keyConditionExpression("albumID = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(album.user + "/" + album.name))))
                .items()).isEmpty();
        assertThat(ids).allSatisfy(id -> assertThat(service.item(id)).isEmpty());
        assertThat(ids).allSatisfy(id -> assertThat(labelEntries(id)).isEmpty());
        // nor the user's label counts: the last photo gone, they are gone
        assertThat(service.dynamoDb().query(r -> r.tableName("PhotoLabels")
                .keyConditionExpression("pk = :u")
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(album.user)))).items()).isEmpty();
        assertThat(albumItem(album.user + "/" + album.name)).isEmpty();
        assertThat(albumItem("name:" + album.user + "/trip")).isEmpty();
    }

    /** The keys under Incoming/ and Thumbnails/ that name one of the images. */
    private List<String> keysOf(List<String> ids) {
        return List.of("Incoming/", "Thumbnails/").stream()
                .flatMap(prefix -> service.s3().listObjectsV2Paginator(r -> r.bucket(TestService.BUCKET)
                        .prefix(prefix)).contents().stream())
                .map(S3Object::key).filter(key -> ids.contains(key.substring(key.indexOf('/') + 1))).toList();
    }

    /** The image's entries in the search index (PhotoLabels, by its image-id index). */
    private List<Map<String, AttributeValue>> labelEntries(String id) {
        return service.dynamoDb().query(r -> r.tableName("PhotoLabels").indexName("imageID-index")
                .keyConditionExpression("imageID = :i")
                .expressionAttributeValues(Map.of(":i", AttributeValue.fromS(id)))).items();
    }

    private Map<String, AttributeValue> albumItem(String key) {
        return service.dynamoDb().getItem(r -> r.tableName("AlbumMetadata")
                .key(Map.of("albumID", AttributeValue.fromS(key))).consistentRead(true)).item();
    }
}
