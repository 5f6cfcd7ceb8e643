package org.imageproc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.imageproc.run.ImageEvent;
import org.junit.jupiter.api.Test;

class S3EventParserTest {

    private final S3EventParser parser = new S3EventParser("photo-repo", "Incoming/");

    @Test
    void readsAnObjectCreatedRecordAndDecodesTheKeyAsS3EncodesIt() {
        String body = """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventTime":"2026-11-27T08:00:00.123Z",
                  "eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"photo-repo"},
                  "object":{"key":"Incoming/my+photo%2B1+%C3%A9.jpg","size":1234,"eTag":"abc123","sequencer":"0A1B"}}}]}
                """;

        assertThat(parser.parse(body)).containsExactly(new ImageEvent("photo-repo", "Incoming/my photo+1 é.jpg", 1234,
                "abc123", "0A1B", "ObjectCreated:Put", Instant.parse("2026-11-27T08:00:00.123Z"), null));
    }

    @Test
    void readsEveryRecordOfAMessage() {
        String body = """
                {"Records":[
                  {"eventName":"ObjectCreated:Put","eventTime":"2026-11-27T08:00:00Z","s3":{"bucket":{"name":"photo-repo"},
                   "object":{"key":"Incoming/a.jpg","size":1,"eTag":"e1"}}},
                  {"eventName":"ObjectCreated:CompleteMultipartUpload","eventTime":"2026-11-27T08:00:01Z",
                   "s3":{"bucket":{"name":"photo-repo"},"object":{"key":"Incoming/b.png","size":2,"eTag":"e2-3"}}}]}
                """;

        assertThat(parser.parse(body)).extracting(ImageEvent::key, ImageEvent::eTag)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Incoming/a.jpg", "e1"),
                        org.assertj.core.groups.Tuple.tuple("Incoming/b.png", "e2-3"));
    }

    @Test
    void ignoresTheS3TestEvent() {
        assertThat(parser.parse("""
                {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-27T08:00:00Z","Bucket":"photo-repo"}
                """)).isEmpty();
    }

    @Test
    void ignoresKeysOutsideTheIncomingPrefixAndThePrefixItself() {
        String template = """
                {"Records":[{"eventName":"ObjectCreated:Put","eventTime":"2026-11-27T08:00:00Z",
                  "s3":{"bucket":{"name":"photo-repo"},"object":{"key":"%s","size":1,"eTag":"e"}}}]}
                """;

        assertThat(parser.parse(template.formatted("Thumbnails/a.jpg"))).isEmpty();
        assertThat(parser.parse(template.formatted("Incoming/"))).isEmpty();
        assertThat(parser.parse(template.formatted("incoming/a.jpg"))).isEmpty();
    }

    @Test
    void ignoresOtherEventTypes() {
        assertThat(parser.parse("""
                {"Records":[{"eventName":"ObjectRemoved:Delete","eventTime":"2026-11-27T08:00:00Z",
                  "s3":{"bucket":{"name":"photo-repo"},"object":{"key":"Incoming/a.jpg"}}}]}
                """)).isEmpty();
    }

    @Test
    void ignoresForeignAndMalformedMessages() {
        assertThat(parser.parse("not json at all")).isEmpty();
        assertThat(parser.parse("")).isEmpty();
        assertThat(parser.parse("[1,2,3]")).isEmpty();
        assertThat(parser.parse("{\"hello\":\"world\"}")).isEmpty();
        assertThat(parser.parse("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}")).isEmpty();
    }

    @Test
    void ignoresEventsForAnyOtherBucket() {
        String template = """
                {"Records":[{"eventName":"ObjectCreated:Put","eventTime":"2026-11-27T08:00:00Z",
                  "s3":{"bucket":{"name":"%s"},"object":{"key":"Incoming/a.jpg","size":1,"eTag":"e"}}}]}
                """;

        assertThat(parser.parse(template.formatted("no-such-bucket"))).isEmpty();
        assertThat(parser.parse(template.formatted("Photo-Repo"))).isEmpty();
        assertThat(parser.parse(template.formatted("photo-repo"))).hasSize(1);
    }

    @Test
    void ignoresRecordsWithoutAnETag() {
        assertThat(parser.parse("""
                {"Records":[{"eventName":"ObjectCreated:Put","eventTime":"2026-11-27T08:00:00Z",
                  "s3":{"bucket":{"name":"photo-repo"},"object":{"key":"Incoming/a.jpg","size":1}}}]}
                """)).isEmpty();
    }

    @Test
    void missingOptionalFieldsGetDefaultsAndQuotesLeaveTheETag() {
        Instant before = Instant.now();

        List<ImageEvent> events = parser.parse("""
                {"Records":[{"eventName":"ObjectCreated:Copy",
                  "s3":{"bucket":{"name":"photo-repo"},"object":{"key":"Incoming/a.jpg","eTag":"\\"e1\\""}}}]}
                """);

        assertThat(events).hasSize(1);
        ImageEvent event = events.get(0);
        assertThat(event).extracting(ImageEvent::key, ImageEvent::size, ImageEvent::eTag, ImageEvent::sequencer,
                ImageEvent::eventName).containsExactly("Incoming/a.jpg", -1L, "e1", "", "ObjectCreated:Copy");
        assertThat(event.eventTime()).isBetween(before, Instant.now());
    }

    @Test
    void emptyRecordsAreSkippedAndTheOthersRead() {
        assertThat(parser.parse("""
                {"Records":[null,{},{"eventName":"ObjectCreated:Put","s3":null},
                  {"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"photo-repo"},"object":null}},
                  {"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"photo-repo"},
                   "object":{"key":"Incoming/b.jpg","size":2,"eTag":"e2"}}}]}
                """)).extracting(ImageEvent::key).containsExactly("Incoming/b.jpg");
    }

    @Test
    void ignoresMessagesWithFieldsOfTheWrongType() {
        String valid = """
                {"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"photo-repo"},
                 "object":{"key":"Incoming/a.jpg","size":1,"eTag":"e"}}}""";

        assertThat(parser.parse("{\"Records\":{}}")).isEmpty();
        // one broken record does not take the good ones of its message with it
        assertThat(parser.parse("{\"Records\":[1," + valid + "]}")).extracting(ImageEvent::key)
                .containsExactly("Incoming/a.jpg");
        assertThat(parser.parse("{\"Records\":[" + valid.replace("\"size\":1", "\"size\":\"x\"") + "," + valid + "]}"))
                .hasSize(1);
        assertThat(parser.parse("{\"Records\":[" + valid.replace("\"e\"", "5") + "]}")).isEmpty();
        assertThat(parser.parse("{\"Records\":[" + valid.replace("\"size\":1", "\"size\":\"1\"") + "]}")).isEmpty();
        assertThat(parser.parse("{\"Records\":[" + valid.replace("\"size\":1", "\"size\":1.5") + "]}")).isEmpty();
        assertThat(parser.parse("{\"Records\":[" + valid.replaceFirst("\\{", "{\"eventTime\":\"today\",") + "]}")).isEmpty();
        assertThat(parser.parse("{\"Records\":[" + valid + "]}")).hasSize(1);
    }
}
