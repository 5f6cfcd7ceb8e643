package org.imageproc.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.imageproc.TestService;
import org.imageproc.album.AlbumCatalog;
import org.imageproc.catalog.LabelIndex;
import org.imageproc.photo.PhotoRemoval;
import org.imageproc.run.S3EventJson;
import org.imageproc.testing.TestImages;
import org.imageproc.web.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deleting through the API against the running service, checked by listing the bucket and scanning the tables: a
 * photo, a photo whose run is still in flight, a photo whose event is delivered again afterwards, an album as a job,
 * and uploads arriving for an album while or after it is deleted; another user's are forbidden.
 */
class DeleteIT {

    private final TestService service = TestService.get();
    private LibraryUser user;

    @BeforeEach
    void aUserWithAnAlbum() {
        user = new LibraryUser(new Api(service.web()));
    }

    @Test
    void aDeletedPhotoLeavesNothingAndItsEventDeliveredAgainBringsNothingBack() {
        String kept = user.upload("kept.jpg", "image/jpeg", TestImages.jpeg(320, 240));
        String deleted = user.upload("deleted.jpg", "image/jpeg", TestImages.jpeg(400, 300));
        Map<String, AttributeValue> item = service.item(deleted);

        Api.Reply reply = user.api.delete("api/photos/" + deleted, user.name);

        assertThat(reply.status()).as(reply.text()).isEqualTo(204);
        assertThat(keysMentioning(deleted)).isEmpty();
        assertThat(itemsOf(List.of(deleted))).isEmpty();
        assertThat(user.api.get("api/photos/" + deleted, user.name).status()).isEqualTo(404);
        // the upload's own event again, as if it had still been queued
        sendEvent(deleted, item.get("eTag").s(), item.get("objectVersion").s());
        awaitQueueEmpty();
        assertThat(itemsOf(List.of(deleted))).isEmpty();
        assertThat(keysMentioning(deleted)).isEmpty();
        assertThat(keysMentioning(kept)).containsExactlyInAnyOrder("Incoming/" + kept, "Thumbnails/" + kept);
        assertThat(service.item(kept).get("status").s()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aPhotoDeletedWhileItsRunIsInFlightDoesNotComeBack() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Api.Reply ticket = user.api.post(user.albumPath() + "/uploads", user.name,
                    Map.of("fileName", "racing" + i + ".jpg", "contentType", "image/jpeg"));
            String id = ticket.json().path("imageID").asText();
            assertThat(Api.upload(ticket.json(), TestImages.jpeg(1600, 1200)).status()).isEqualTo(204);
            assertThat(user.api.delete("api/photos/" + id, user.name).status()).isEqualTo(204);
            ids.add(id);
        }

        awaitQueueEmpty();
        assertThat(itemsOf(ids)).isEmpty();
        assertThat(ids).allSatisfy(id -> assertThat(keysMentioning(id)).isEmpty());
    }

    @Test
    void anAlbumIsDeletedWithItsPhotosAsAJob() {
        List<String> ids = List.of(user.upload("a.jpg", "image/jpeg", TestImages.jpeg(320, 240)),
                user.upload("b.jpg", "image/jpeg", TestImages.jpeg(240, 320)),
                user.upload("c.png", "image/png", TestImages.gif(TestImages.gradient(60, 40))));

        Api.Reply reply = user.api.delete(user.albumPath(), user.name);

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        assertThat(reply.json().path("kind").asText()).isEqualTo("delete-album");
        assertThat(reply.json().path("total").asLong()).isEqualTo(3);
        JsonNode job = user.awaitFinished(reply.json().path("jobId").asText());
        assertThat(job.path("done").asLong()).isEqualTo(3);
        assertThat(job.path("failed").asLong()).isZero();
        assertThat(itemsOf(ids)).isEmpty();
        assertThat(ids).allSatisfy(id -> assertThat(keysMentioning(id)).isEmpty());
        assertThat(service.dynamoDb().scan(r -> r.tableName("ImageMetadata")).items())
                .noneMatch(item -> item.containsKey("albumID")
                        && item.get("albumID").s().equals(user.name + "/" + user.album));
        assertThat(service.dynamoDb().scan(r -> r.tableName("AlbumMetadata")).items())
                .noneMatch(item -> item.get("albumID").s().equals(user.name + "/" + user.album));
        assertThat(user.api.get("api/albums", user.name).json().path("items")).isEmpty();
    }

    @Test
    void anUploadWhoseFormOutlivedItsAlbumGoesWithItAndTheAlbumCanBeMadeAgain() {
        Api.Reply ticket = user.api.post(user.albumPath() + "/uploads", user.name,
                Map.of("fileName", "late.jpg", "contentType", "image/jpeg"));
        String late = ticket.json().path("imageID").asText();
        Api.Reply deletion = user.api.delete(user.albumPath(), user.name);
        user.awaitFinished(deletion.json().path("jobId").asText());

        // the signed form is still valid: S3 takes the file
        assertThat(Api.upload(ticket.json(), TestImages.jpeg(320, 240)).status()).isEqualTo(204);

        Awaitility.await().atMost(LibraryUser.WAIT).until(() -> keysMentioning(late).isEmpty());
        awaitQueueEmpty();
        assertThat(itemsOf(List.of(late))).isEmpty();
        assertThat(keysMentioning(late)).isEmpty();
        assertThat(user.api.get("api/failures", user.name).json().path("items")).isEmpty();
        // the same name again is a new album, and its uploads are kept
        assertThat(user.api.createAlbum(user.name, user.album).status()).isEqualTo(201);
        String kept = user.upload("kept.jpg", "image/jpeg", TestImages.jpeg(320, 240));
        assertThat(service.item(kept).get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(service.item(kept).get("albumID").s()).isEqualTo(user.name + "/" + user.album);
        assertThat(keysMentioning(kept)).hasSize(2);
    }

    @Test
    void aPhotoThatArrivesWhileItsAlbumIsBeingDeletedIsDeletedToo() {
        String listed = user.upload("listed.jpg", "image/jpeg", TestImages.jpeg(320, 240));
        List<Runnable> deletions = new java.util.ArrayList<>();
        DynamoDbClient dynamoDb = service.dynamoDb();
        Jobs jobs = new Jobs(dynamoDb, "Jobs", Clock.systemUTC());
        PhotoRemoval removal = new PhotoRemoval(service.s3(), dynamoDb, TestService.BUCKET, "Incoming/",
                "Thumbnails/", "ImageMetadata", new LabelIndex(dynamoDb, "PhotoLabels", "ImageMetadata")::remove);
        AlbumDeletion deletion = new AlbumDeletion(jobs, removal,
                new AlbumCatalog(dynamoDb, "AlbumMetadata", Clock.systemUTC()), dynamoDb, "ImageMetadata",
                deletions::add);

        // the deletion lists the album's photos now and deletes them when the test lets it run
        Job job = deletion.delete(user.name, user.name + "/" + user.album);
        String arrived = user.upload("arrived.jpg", "image/jpeg", TestImages.jpeg(240, 320));
        assertThat(job.total()).isEqualTo(1);
        assertThat(deletions).hasSize(1);
        deletions.get(0).run();

        assertThat(itemsOf(List.of(listed, arrived))).isEmpty();
        assertThat(keysMentioning(listed)).isEmpty();
        assertThat(keysMentioning(arrived)).isEmpty();
        assertThat(jobs.find(job.jobId()).orElseThrow().job().state()).isEqualTo("FINISHED");
    }

    @Test
    void anotherUsersPhotoAndAlbumCannotBeDeleted() {
        String id = user.upload("mine.jpg", "image/jpeg", TestImages.jpeg(320, 240));
        String stranger = "s" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(user.api.delete("api/photos/" + id, stranger).status()).isEqualTo(403);
        assertThat(user.api.delete(user.albumPath(), stranger).status()).isEqualTo(403);
        assertThat(user.api.delete("api/photos/" + UUID.randomUUID() + ".jpg", user.name).status()).isEqualTo(404);
        Api.Reply bad = user.api.delete("api/photos/..%2Fsecret", user.name);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("message").asText()).isEqualTo("Not an image id of this app");
        assertThat(keysMentioning(id)).hasSize(2);
        assertThat(service.item(id).get("status").s()).isEqualTo("SUCCEEDED");
    }

    private void sendEvent(String imageId, String eTag, String version) {
        String body = new S3EventJson("us-east-1", "test").toJson(TestService.BUCKET, "Incoming/" + imageId, 1, eTag,
                "ObjectCreated:Post", Instant.now(), version);
        String url = service.sqs().getQueueUrl(r -> r.queueName("image-events")).queueUrl();
        service.sqs().sendMessage(r -> r.queueUrl(url).messageBody(body));
    }

    private void awaitQueueEmpty() {
        Awaitility.await().atMost(LibraryUser.WAIT).until(() -> service.queueDepth("image-events") == 0);
    }

    /** Every key in the bucket that names the image. */
    private List<String> keysMentioning(String imageId) {
        return service.s3().listObjectsV2Paginator(r -> r.bucket(TestService.BUCKET)).contents().stream()
                .map(S3Object::key).filter(key -> key.endsWith("/" + imageId)).toList();
    }

    /** The items of these images, by a scan of the whole table. */
    private List<Map<String, AttributeValue>> itemsOf(List<String> imageIds) {
        return service.dynamoDb().scan(r -> r.tableName("ImageMetadata")).items().stream()
                .filter(item -> imageIds.contains(item.get("imageID").s())).toList();
    }
}
