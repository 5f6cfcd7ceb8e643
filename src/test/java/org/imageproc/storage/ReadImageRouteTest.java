package org.imageproc.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.Variables;
import org.imageproc.testing.FakeS3;
import org.imageproc.testing.RouteTests;
import org.imageproc.testing.TestBeans;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/** The read-image route on a fake S3: one GetObject of the event's key, only while the object has the event's ETag. */
@CamelMainTest(propertyPlaceholderLocations = {RouteTests.PROPERTIES, RouteTests.APPLICATION})
class ReadImageRouteTest {

    private static final ImageEvent EVENT = new ImageEvent("photo-repo", "Incoming/u1/a1/my cat é.jpg", 1234,
            "etag-1", "0001", "ObjectCreated:Put", Instant.parse("2026-12-01T10:00:00Z"), null);

    private final FakeS3 s3 = new FakeS3();
    private final byte[] jpeg = TestImages.jpeg(64, 48);

    @Produce("direct:read-image")
    ProducerTemplate readImage;

    @Configure
    void theRouteOnAFakeS3(MainConfigurationProperties main) {
        main.addRoutesBuilder(ReadImageRoute.class);
        main.addConfiguration(new TestBeans(context -> {
            context.getRegistry().bind("s3Client", s3);
            context.getRegistry().bind("imageLoader", new ImageLoader(s3, "photo-repo", 1_000_000));
        }));
    }

    @Test
    void getsTheEventsKeyFromTheConfiguredBucketIfItsETagStillMatches() {
        s3.put(EVENT.key(), jpeg, "etag-1", Map.of());

        readImage.send(exchange -> exchange.setVariable(Variables.EVENT, EVENT));

        assertThat(s3.gets()).singleElement().satisfies(get -> {
            assertThat(get.bucket()).isEqualTo("photo-repo");
            assertThat(get.key()).isEqualTo("Incoming/u1/a1/my cat é.jpg");
            assertThat(get.ifMatch()).isEqualTo("\"etag-1\"");
        });
    }

    @Test
    void theImageIsTheObjectAsS3AnsweredIt() {
        s3.put(EVENT.key(), jpeg, "etag-1", Map.of("User-Id", "u1"));

        Exchange read = readImage.send(exchange -> exchange.setVariable(Variables.EVENT, EVENT));

        StoredImage image = read.getMessage().getBody(StoredImage.class);
        assertThat(image.bytes()).isEqualTo(jpeg);
        assertThat(image.eTag()).isEqualTo("etag-1");
        assertThat(image.key()).isEqualTo(EVENT.key());
        assertThat(image.userMetadata()).containsExactly(Map.entry("user-id", "u1"));
        assertThat(image.lastModified()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void anObjectReplacedSinceTheEventIsNotRead() {
        s3.put(EVENT.key(), jpeg, "etag-2", Map.of());

        Exchange read = readImage.send(exchange -> exchange.setVariable(Variables.EVENT, EVENT));

        assertThat(read.getException()).hasMessageContaining("pre-conditions");
        assertThat(s3.gets()).extracting(GetObjectRequest::ifMatch).containsExactly("\"etag-1\"");
    }
}
