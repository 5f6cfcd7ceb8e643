package org.imageproc.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.imageproc.TestService;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.S3EventJson;
import org.imageproc.testing.TestImages;
import org.imageproc.web.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Reprocessing through the API against the running service: an album with scope missing and all, one photo, each a
 * job whose counts reach its total exactly once; the event a job sends goes through the same queue and claim as an
 * upload, so the same event again, or one with a made-up job, changes nothing.
 */
class ReprocessIT {

    private final TestService service = TestService.get();
    private LibraryUser user;
    private String good;
    private String stale;
    private String rejected;

    @BeforeEach
    void anAlbumWithAGoodAStaleAndARejectedPhoto() {
        user = new LibraryUser(new Api(service.web()));
        good = user.upload("good.jpg", "image/jpeg", TestImages.jpeg(320, 240));
        stale = user.upload("stale.jpg", "image/jpeg", TestImages.jpeg(400, 300));
        rejected = user.upload("anim.png", "image/png", TestImages.gif(TestImages.gradient(60, 40)));
        // as if made when thumbnails were 200 px
        service.dynamoDb().updateItem(r -> r.tableName("ImageMetadata").key(key(stale))
                .updateExpression("SET thumbnailMaxSize = :size")
                .expressionAttributeValues(Map.of(":size", AttributeValue.fromN("200"))));
    }

    @Test
    void anAlbumReprocessOfMissingTakesOnlyThePhotosThatNeedIt() {
        String goodRun = executionId(good);
        String staleRun = executionId(stale);

        Api.Reply reply = user.api.post(user.albumPath() + "/reprocess", user.name, Map.of("scope", "missing"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        assertThat(reply.json().path("kind").asText()).isEqualTo("reprocess-album");
        assertThat(reply.json().path("total").asLong()).isEqualTo(2);
        JsonNode job = user.awaitFinished(reply.json().path("jobId").asText());
        assertThat(job.path("done").asLong()).isEqualTo(1);
        assertThat(job.path("failed").asLong()).isEqualTo(1);
        assertThat(job.path("finishedAt").asText()).isNotEmpty();
        Map<String, AttributeValue> reprocessed = service.item(stale);
        assertThat(reprocessed.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(reprocessed.get("executionId").s()).isNotEqualTo(staleRun);
        assertThat(reprocessed.get("thumbnailMaxSize").n()).isEqualTo("250");
        assertThat(reprocessed.get("job").s()).isEqualTo(job.path("jobId").asText());
        assertThat(reprocessed).doesNotContainKey("reprocessJob");
        assertThat(service.item(rejected).get("error").s()).isEqualTo("NotSupportedImageType");
        assertThat(executionId(good)).isEqualTo(goodRun);
    }

    @Test
    void anAlbumReprocessOfAllRunsEveryPhotoAgainAndCountsEachOnce() {
        Map<String, String> before = Map.of(good, executionId(good), stale, executionId(stale),
                rejected, executionId(rejected));

        Api.Reply reply = user.api.post(user.albumPath() + "/reprocess", user.name, Map.of("scope", "all"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        String jobId = reply.json().path("jobId").asText();
        JsonNode job = user.awaitFinished(jobId);
        assertThat(job.path("total").asLong()).isEqualTo(3);
        assertThat(job.path("done").asLong()).isEqualTo(2);
        assertThat(job.path("failed").asLong()).isEqualTo(1);
        before.forEach((id, run) -> assertThat(executionId(id)).as(id).isNotEqualTo(run));
        assertThat(List.of(good, stale)).allSatisfy(id ->
                assertThat(service.item(id).get("status").s()).isEqualTo("SUCCEEDED"));

        // the job's event delivered again (a delete that failed, a crash before it): nothing runs, nothing counts
        String run = executionId(good);
        announce(good, jobId);
        announce(good, UUID.randomUUID().toString());
        Awaitility.await().atMost(LibraryUser.WAIT).until(() -> service.queueDepth("image-events") == 0);
        assertThat(executionId(good)).isEqualTo(run);
        assertThat(user.job(jobId).path("done").asLong()).isEqualTo(2);
    }

    @Test
    void aPhotoReprocessRunsItAgainAsAJobOfOne() {
        String run = executionId(good);

        Api.Reply reply = user.api.post("api/photos/" + good + "/reprocess", user.name, "");

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        JsonNode job = user.awaitFinished(reply.json().path("jobId").asText());
        assertThat(job.path("kind").asText()).isEqualTo("reprocess-photo");
        assertThat(job.path("total").asLong()).isEqualTo(1);
        assertThat(job.path("done").asLong()).isEqualTo(1);
        assertThat(service.item(good).get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(executionId(good)).isNotEqualTo(run);
    }

    @Test
    void anotherUsersAlbumPhotoAndJobAreForbiddenAndBadInputIsRefusedInWords() {
        String stranger = "s" + UUID.randomUUID().toString().substring(0, 8);
        String jobId = user.api.post("api/photos/" + good + "/reprocess", user.name, "").json().path("jobId")
                .asText();

        assertThat(user.api.post(user.albumPath() + "/reprocess", stranger, Map.of("scope", "all")).status())
                .isEqualTo(403);
        assertThat(user.api.post("api/photos/" + good + "/reprocess", stranger, "").status()).isEqualTo(403);
        assertThat(user.api.get("api/jobs/" + jobId, stranger).status()).isEqualTo(403);
        assertThat(user.api.get("api/jobs/" + UUID.randomUUID(), user.name).status()).isEqualTo(404);
        Api.Reply badScope = user.api.post(user.albumPath() + "/reprocess", user.name, Map.of("scope", "some"));
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.json().path("message").asText())
                .isEqualTo("The scope is \"missing\" (photos that need it) or \"all\", not \"some\"");
        Api.Reply badJob = user.api.get("api/jobs/not-a-job", user.name);
        assertThat(badJob.status()).isEqualTo(400);
        assertThat(badJob.json().path("message").asText()).isEqualTo("Not a job id of this app");
        assertThat(user.api.post(user.albumPath() + "/reprocess", user.name, "{\"scope\": ").status())
                .isEqualTo(400);
        user.awaitFinished(jobId);
    }

    /** Sends the event a job sends for the photo as it is stored, naming {@code jobId}. */
    private void announce(String imageId, String jobId) {
        Map<String, AttributeValue> item = service.item(imageId);
        String body = new S3EventJson("us-east-1", "test").toJson(TestService.BUCKET, "Incoming/" + imageId,
                Long.parseLong(item.get("fileSize").n()), item.get("eTag").s(), "ObjectCreated:Put", Instant.now(),
                item.get("objectVersion").s());
        String url = service.sqs().getQueueUrl(r -> r.queueName("image-events")).queueUrl();
        service.sqs().sendMessage(r -> r.queueUrl(url).messageBody(body).messageAttributes(Map.of(
                ImageEvent.JOB_ATTRIBUTE, MessageAttributeValue.builder().dataType("String").stringValue(jobId)
                        .build())));
    }

    private String executionId(String imageId) {
        return service.item(imageId).get("executionId").s();
    }

    private static Map<String, AttributeValue> key(String imageId) {
        return Map.of("imageID", AttributeValue.fromS(imageId));
    }
}
