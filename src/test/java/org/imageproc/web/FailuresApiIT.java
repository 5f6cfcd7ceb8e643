package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/failures} against a service whose queue gives up quickly: the user's failed photos listed a page at a
 * time, retried by name and all at once to success, with the reason for each one that was not requeued.
 */
class FailuresApiIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String USER = "failing";
    private static final String STRANGER = "stranger";

    private static TestService service;
    private static Api api;
    private static List<String> dead;
    private static String gif;

    @BeforeAll
    static void photosFailAndTheirEventsReachTheDeadLetterQueue() {
        service = TestService.start(TestService.QUICK_DEAD_LETTERS);
        api = new Api(service.web());
        api.createAlbum(USER, "flaky");
        api.createAlbum(STRANGER, "own");
        service.rekognition().fail("Incoming/");
        dead = List.of(api.uploadJpeg(USER, "flaky", "a.jpg", TestImages.jpeg(80, 60)),
                api.uploadJpeg(USER, "flaky", "b.jpg", TestImages.jpeg(81, 60)),
                api.uploadJpeg(USER, "flaky", "c.jpg", TestImages.jpeg(82, 60)));
        gif = api.uploadJpeg(USER, "flaky", "anim.jpg", TestImages.gif(TestImages.gradient(60, 40)));
        Awaitility.await().atMost(WAIT).until(() -> dead.stream().allMatch(id ->
                api.get("api/photos/" + id, USER).json().path("item").path("deadLetter").asBoolean())
                && service.queueDepth("image-events-dlq") == 3);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void failuresAreListedAPageAtATimeAndRetriedToSuccess() {
        List<JsonNode> failures = api.all("api/failures", USER, 2);
        JsonNode firstPage = api.get("api/failures?limit=2", USER).json();

        assertThat(firstPage.path("items")).hasSize(2);
        assertThat(failures).extracting(failure -> failure.path("imageID").asText())
                .containsExactlyInAnyOrder(dead.get(0), dead.get(1), dead.get(2), gif);
        assertThat(failures).extracting(failure -> failure.path("failedAt").asLong())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        JsonNode label = failures.stream().filter(f -> f.path("imageID").asText().equals(dead.get(0))).findFirst()
                .orElseThrow();
        assertThat(label.path("albumID").asText()).isEqualTo(USER + "/flaky");
        assertThat(label.path("failedStep").asText()).isEqualTo("detect-labels");
        assertThat(label.path("cause").asText()).startsWith("Gave up after ");
        assertThat(label.path("retryable").asBoolean()).isTrue();
        assertThat(label.path("deadLetter").asBoolean()).isTrue();
        JsonNode refused = failures.stream().filter(f -> f.path("imageID").asText().equals(gif)).findFirst()
                .orElseThrow();
        assertThat(refused.path("retryable").asBoolean()).isFalse();
        assertThat(refused.path("deadLetter").asBoolean()).isFalse();
        assertThat(refused.path("failedStep").asText()).isEqualTo("check-image");
        assertThat(api.all("api/failures", STRANGER, 10)).isEmpty();
        assertThat(api.post("api/failures/retry", STRANGER, Map.of("imageIDs", List.of(dead.get(0)))).status())
                .isEqualTo(403);

        service.rekognition().heal("Incoming/");
        Api.Reply one = api.post("api/failures/retry", USER, Map.of("imageIDs", List.of(dead.get(0), gif)));

        assertThat(one.status()).isEqualTo(202);
        assertThat(one.json().path("requeued")).extracting(JsonNode::asText).containsExactly(dead.get(0));
        assertThat(one.json().path("notRequeued")).hasSize(1);
        assertThat(one.json().path("notRequeued").get(0).path("imageID").asText()).isEqualTo(gif);
        assertThat(one.json().path("notRequeued").get(0).path("reason").asText())
                .startsWith("It failed for a reason a retry cannot fix (").endsWith("); upload the file again");
        assertSucceeded(dead.get(0));

        Api.Reply all = api.post("api/failures/retry", USER, "{}");

        assertThat(all.status()).isEqualTo(202);
        assertThat(all.json().path("requeued")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(dead.get(1), dead.get(2));
        assertThat(all.json().path("notRequeued")).extracting(n -> n.path("imageID").asText()).containsExactly(gif);
        assertSucceeded(dead.get(1));
        assertSucceeded(dead.get(2));
        assertThat(api.all("api/failures", USER, 2)).extracting(f -> f.path("imageID").asText()).containsExactly(gif);
        assertThat(service.queueDepth("image-events-dlq")).isZero();
        // the retried photos are searchable like any other
        assertThat(api.all("api/search?label=dog", USER, 2)).extracting(p -> p.path("imageID").asText())
                .containsExactlyInAnyOrderElementsOf(dead);
    }

    @Test
    void badRetriesAreRefusedInWords() {
        Api.Reply empty = api.post("api/failures/retry", USER, Map.of("imageIDs", List.of()));
        Api.Reply notAnId = api.post("api/failures/retry", USER, Map.of("imageIDs", List.of("../etc/passwd")));
        Api.Reply notJson = api.post("api/failures/retry", USER, "{not json");
        Api.Reply badCursor = api.get("api/failures?cursor=abc", USER);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("message").asText()).startsWith("Name 1 to 1000 photos in imageIDs");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.json().path("message").asText()).isEqualTo("Not an image id of this app");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(badCursor.status()).isEqualTo(400);
    }

    /** Waits for SUCCEEDED itself: right after a retry the item still says FAILED until the new run claims it. */
    private static void assertSucceeded(String id) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("api/photos/" + id, USER).json()
                .path("item").path("status").asText()).isEqualTo("SUCCEEDED"));
    }
}
