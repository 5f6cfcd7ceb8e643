package org.imageproc.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imageproc.ingest.S3EventParser;
import org.junit.jupiter.api.Test;

class S3EventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void encodesKeysLikeS3FormEncodingButKeepsSlashes() {
        assertThat(S3EventJson.encodeKey("Incoming/my photo+1 é.jpg")).isEqualTo("Incoming/my+photo%2B1+%C3%A9.jpg");
        assertThat(S3EventJson.encodeKey("Incoming/a/b=c:d(1).jpg")).isEqualTo("Incoming/a/b%3Dc%3Ad%281%29.jpg");
    }

    @Test
    void writesTheRecordAsS3Does() throws Exception {
        String json = new S3EventJson("us-east-1", "test").toJson("photo-repo", "Incoming/my photo.jpg", 1234,
                "\"abc123\"", "ObjectCreated:Put", Instant.parse("2024-05-06T07:08:09.123456Z"), "0000000000000A1F");

        JsonNode record = JSON.readTree(json).path("Records").path(0);
        assertThat(record.path("eventVersion").asText()).isEqualTo("2.1");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.path("eventTime").asText()).isEqualTo("2024-05-06T07:08:09.123Z");
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("userIdentity").path("principalId").asText()).isEqualTo("test");
        assertThat(record.path("requestParameters").path("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(record.path("responseElements").path("x-amz-request-id").asText()).matches("[0-9A-F]{16}");
        JsonNode s3 = record.path("s3");
        assertThat(s3.path("s3SchemaVersion").asText()).isEqualTo("1.0");
        assertThat(s3.path("configurationId").asText()).isEqualTo(S3EventJson.CONFIGURATION_ID);
        assertThat(s3.path("bucket").path("name").asText()).isEqualTo("photo-repo");
        assertThat(s3.path("bucket").path("ownerIdentity").path("principalId").asText()).isEqualTo("test");
        assertThat(s3.path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::photo-repo");
        assertThat(s3.path("object").path("key").asText()).isEqualTo("Incoming/my+photo.jpg");
        assertThat(s3.path("object").path("size").asLong()).isEqualTo(1234);
        assertThat(s3.path("object").path("eTag").asText()).isEqualTo("abc123");
        assertThat(s3.path("object").path("sequencer").asText()).isEqualTo("0000000000000A1F");
    }

    @Test
    void theConsumerReadsWhatTheLocalS3Writes() {
        String json = new S3EventJson("us-east-1", "test").toJson("photo-repo", "Incoming/a b+c%2F ü.jpg",
                5L * 1024 * 1024 * 1024, "\"abc-2\"", "ObjectCreated:CompleteMultipartUpload", Instant.parse("2024-05-06T07:08:09.123456Z"), "0000000000000A1F");

        assertThat(new S3EventParser("photo-repo", "Incoming/").parse(json)).containsExactly(new ImageEvent(
                "photo-repo", "Incoming/a b+c%2F ü.jpg", 5L * 1024 * 1024 * 1024, "abc-2", "0000000000000A1F",
                "ObjectCreated:CompleteMultipartUpload", Instant.parse("2024-05-06T07:08:09.123Z"), null));
    }
}
