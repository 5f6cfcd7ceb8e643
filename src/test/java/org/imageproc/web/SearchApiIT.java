package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.imageproc.TestService;
import org.imageproc.catalog.LabelIndex;
import org.imageproc.catalog.Tables;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code /api/search} and {@code /api/labels} against the running service: photos found under their labels and their
 * parents a page at a time, the index following a relabel and a removal, and nobody else's photos ever.
 */
class SearchApiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestService service = TestService.get();
    private final Api api = new Api(service.web());
    private final String user = "u" + UUID.randomUUID().toString().substring(0, 8);
    private final String stranger = "s" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void photosAreFoundUnderTheirLabelsAndParentsNewestFirstAPageAtATime() {
        List<String> ids = uploadDogs(5);
        // the stranger's dog is never found by the user
        api.createAlbum(stranger, "pets");
        String strangers = api.uploadJpeg(stranger, "pets", "theirs.jpg", TestImages.jpeg(90, 50));
        api.awaitFinal(strangers, stranger, WAIT);

        // Pet is only ever a parent of Dog; matched in any case
        List<JsonNode> underPet = api.all("api/search?label=pet", user, 2);
        List<JsonNode> underDog = api.all("api/search?label=DOG", user, 2);
        JsonNode firstPage = api.get("api/search?label=Dog&limit=2", user).json();

        assertThat(underPet).extracting(photo -> photo.path("imageID").asText())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(underPet).extracting(photo -> photo.path("item").path("uploadTime").asLong())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(underDog).extracting(photo -> photo.path("imageID").asText())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(underDog).allSatisfy(photo -> assertThat(photo.path("thumbnailUrl").asText()).contains(
                "/Thumbnails/"));
        assertThat(firstPage.path("items")).hasSize(2);
        assertThat(firstPage.path("nextCursor").asText()).isNotBlank();
        assertThat(api.all("api/search?label=dog", stranger, 10)).extracting(photo -> photo.path("imageID").asText())
                .containsExactly(strangers);
        assertThat(api.all("api/search?label=cat", user, 10)).isEmpty();
        assertThat(api.get("api/labels", user).json().path("items")).extracting(
                        label -> label.path("label").asText() + "=" + label.path("photos").asInt())
                .containsExactlyInAnyOrder("Dog=5", "Animal=5", "Pet=5");
    }

    @Test
    void aCursorOfAnotherSearchOrUserOrAForgedOneIsABadRequest() {
        uploadDogs(3);
        String cursor = api.get("api/search?label=dog&limit=1", user).json().path("nextCursor").asText();
        api.createAlbum(stranger, "pets");

        Api.Reply otherLabel = api.get("api/search?label=animal&limit=1&cursor=" + cursor, user);
        Api.Reply otherUser = api.get("api/search?label=dog&limit=1&cursor=" + cursor, stranger);
        Api.Reply otherList = api.get("api/albums/" + user + "/pets/photos?cursor=" + cursor, user);
        Api.Reply forged = api.get("api/search?label=dog&cursor=" + cursor.substring(1), user);

        for (Api.Reply refused : List.of(otherLabel, otherUser, otherList, forged)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).isEqualTo("This page link (cursor) does not belong"
                    + " to this list; load the list again from its first page");
        }
        assertThat(api.get("api/search?label=dog&limit=1&cursor=" + cursor, user).json().path("items")).hasSize(1);
    }

    @Test
    void aBadLabelIsABadRequest() {
        Api.Reply missing = api.get("api/search", user);
        Api.Reply markup = api.get("api/search?label=" + Api.encode("<b>dog</b>"), user);
        Api.Reply tooLong = api.get("api/search?label=" + "a".repeat(65), user);
        Api.Reply noUser = api.get("api/search?label=dog", null);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("message").asText()).isEqualTo("Say which label to search for: ?label=Dog");
        assertThat(markup.status()).isEqualTo(400);
        assertThat(markup.json().path("message").asText()).startsWith("A label is 1-64 letters");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(api.get("api/labels", null).status()).isEqualTo(400);
    }

    @Test
    void aNewerUploadOfTheKeyWithOtherContentIsNoLongerFoundUnderTheOldLabel() {
        List<String> ids = uploadDogs(2);
        String relabelled = ids.get(0);
        String oldRun = service.item(relabelled).get("executionId").s();
        service.rekognition().answer(relabelled, "Cat");

        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + relabelled)
                        .metadata(Map.of("userid", user, "albumid", user + "/pets")),
                RequestBody.fromBytes(TestImages.jpeg(123, 77)));
        Awaitility.await().atMost(WAIT).until(() -> {
            Map<String, AttributeValue> item = service.item(relabelled);
            return "SUCCEEDED".equals(item.get("status").s()) && !oldRun.equals(item.get("executionId").s());
        });

        assertThat(api.all("api/search?label=dog", user, 2)).extracting(photo -> photo.path("imageID").asText())
                .containsExactly(ids.get(1));
        assertThat(api.all("api/search?label=cat", user, 2)).extracting(photo -> photo.path("imageID").asText())
                .containsExactly(relabelled);
        // the run took its stale entries away itself, not only the reader's check
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(entry(user + "#dog", relabelled)).isEmpty());
        assertThat(api.get("api/labels", user).json().path("items")).extracting(
                        label -> label.path("label").asText() + "=" + label.path("photos").asInt())
                .containsExactlyInAnyOrder("Dog=1", "Animal=1", "Pet=1", "Cat=1");
    }

    @Test
    void removingAPhotosEntriesTakesItOutOfSearchAndCounts() {
        List<String> ids = uploadDogs(2);
        LabelIndex index = service.context().getRegistry().lookupByNameAndType("labelIndex", LabelIndex.class);

        index.remove(ids.get(0));

        assertThat(api.all("api/search?label=animal", user, 10)).extracting(photo -> photo.path("imageID").asText())
                .containsExactly(ids.get(1));
        assertThat(entry(user + "#animal", ids.get(0))).isEmpty();
        assertThat(api.get("api/labels", user).json().path("items")).extracting(
                        label -> label.path("label").asText() + "=" + label.path("photos").asInt())
                .containsExactlyInAnyOrder("Dog=1", "Animal=1", "Pet=1");
    }

    /** Uploads photos the stand-in Rekognition calls Dog (parents Animal, Pet) and Animal; their ids, SUCCEEDED. */
    private List<String> uploadDogs(int count) {
        assertThat(api.createAlbum(user, "pets").status()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.uploadJpeg(user, "pets", "dog" + i + ".jpg", TestImages.jpeg(70 + i, 50)));
        }
        ids.forEach(id -> assertThat(api.awaitFinal(id, user, WAIT).path("item").path("status").asText())
                .isEqualTo("SUCCEEDED"));
        return ids;
    }

    private Map<String, AttributeValue> entry(String pk, String imageId) {
        return service.dynamoDb().getItem(r -> r.tableName(Tables.PHOTO_LABELS).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(pk), Tables.SK, AttributeValue.fromS(imageId)))).item();
    }
}
