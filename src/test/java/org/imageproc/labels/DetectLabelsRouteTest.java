package org.imageproc.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.imaging.WorkingImageReader;
import org.imageproc.run.Execution;
import org.imageproc.run.Steps;
import org.imageproc.run.Variables;
import org.imageproc.testing.RouteTests;
import org.imageproc.testing.TestImages;
import org.imageproc.testing.TestBeans;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;

/**
 * The detect-labels route on a fake Rekognition: the run's working image goes inline as a reduced upright JPEG (or,
 * when the setting says so, Rekognition is told the S3 object), the flow's label settings go into the request, and
 * the step says it was SKIPPED (the property the step recorder reads) exactly when label detection is off.
 */
@CamelMainTest(propertyPlaceholderLocations = {RouteTests.PROPERTIES, RouteTests.APPLICATION})
class DetectLabelsRouteTest {

    private static final Execution EXECUTION = new Execution("u1/a1/cat.jpg", "run-1", "photo-repo",
            "Incoming/u1/a1/cat.jpg", "etag-1", "0001", Instant.parse("2026-12-01T10:00:00Z"));

    private final FakeRekognition rekognition = new FakeRekognition(DetectLabelsResponse.builder()
            .labels(label -> label.name("Cat").confidence(97.5f).parents(parent -> parent.name("Animal")))
            .labelModelVersion("3.0").build());

    @Produce("direct:detect-labels")
    ProducerTemplate detectLabels;

    @Configure
    void theRoute(MainConfigurationProperties main) {
        main.addRoutesBuilder(DetectLabelsRoute.class);
    }

    /** Upright it is 300 x 400, red at the top left: stored on its side, EXIF orientation 6 (turn 90 degrees). */
    private final WorkingImage working = WorkingImageReader.read(TestImages.jpeg(TestImages.quadrants(400, 300,
            Color.BLUE, Color.GREEN, Color.RED, Color.YELLOW)), ImageFormat.JPEG, 6, 832, PixelBudget.unlimited());

    private void bindDetector(MainConfigurationProperties main, boolean enabled, ImageSource source) {
        main.addConfiguration(new TestBeans(context -> context.getRegistry().bind("labelDetector",
                new LabelDetector(rekognition, enabled, source, 100))));
    }

    private Exchange detect() {
        return detect(working);
    }

    private Exchange detect(WorkingImage image) {
        return detectLabels.send(exchange -> {
            exchange.setVariable(Variables.EXECUTION, EXECUTION);
            exchange.setVariable(Variables.WORKING, image);
            exchange.setVariable(Variables.MAX_LABELS, 7);
            exchange.setVariable(Variables.MIN_CONFIDENCE, 55f);
        });
    }

    /** Label detection on, as the service runs by default: the picture goes inline, as a JPEG. */
    @Nested
    class LabelsOn {

        @Configure
        void aDetectorOnTheFake(MainConfigurationProperties main) {
            bindDetector(main, true, ImageSource.BYTES);
        }

        @Test
        void sendsTheUprightPictureAsAReducedJpegWithTheFlowsSettingsAndIsNotSkipped() {
            Exchange detected = detect();

            assertThat(rekognition.requests()).singleElement().satisfies(request -> {
                assertThat(request.image().s3Object()).isNull();
                byte[] sent = request.image().bytes().asByteArray();
                assertThat(ImageFormat.detect(sent)).isEqualTo(ImageFormat.JPEG);
                BufferedImage picture = TestImages.decode(sent);
                // imageproc.labels.image-size (here 100) on the longest side, turned upright
                assertThat(picture.getWidth()).isEqualTo(75);
                assertThat(picture.getHeight()).isEqualTo(100);
                assertThat(new Color(picture.getRGB(5, 5))).satisfies(near(Color.RED));
                assertThat(new Color(picture.getRGB(70, 95))).satisfies(near(Color.GREEN));
                assertThat(request.maxLabels()).isEqualTo(7);
                assertThat(request.minConfidence()).isEqualTo(55f);
            });
            DetectedLabels labels = detected.getMessage().getBody(DetectedLabels.class);
            assertThat(labels.tags()).containsExactly("Cat");
            assertThat(labels.labels().get(0).parents()).containsExactly("Animal");
            assertThat(detected.getProperty(Steps.SKIPPED)).isEqualTo(false);
        }

        @Test
        void transparentPixelsAreSentWhite() {
            WorkingImage transparent = WorkingImageReader.read(TestImages.png(TestImages.halfTransparent(80, 40)),
                    ImageFormat.PNG, null, 832, PixelBudget.unlimited());

            detect(transparent);

            BufferedImage picture = TestImages.decode(rekognition.requests().get(0).image().bytes().asByteArray());
            assertThat(picture.getWidth()).isEqualTo(80);
            assertThat(new Color(picture.getRGB(10, 20))).satisfies(near(Color.WHITE));
            assertThat(new Color(picture.getRGB(70, 20))).satisfies(near(Color.RED));
        }
    }

    /** imageproc.labels.image-source=s3-object: Rekognition reads the original itself. */
    @Nested
    class FromS3 {

        @Configure
        void aDetectorReadingS3(MainConfigurationProperties main) {
            bindDetector(main, true, ImageSource.S3_OBJECT);
        }

        @Test
        void namesTheRunsObjectAndSendsNoPixels() {
            detect();

            assertThat(rekognition.requests()).singleElement().satisfies(request -> {
                assertThat(request.image().bytes()).isNull();
                assertThat(request.image().s3Object().bucket()).isEqualTo("photo-repo");
                assertThat(request.image().s3Object().name()).isEqualTo("Incoming/u1/a1/cat.jpg");
                assertThat(request.maxLabels()).isEqualTo(7);
            });
        }
    }

    private static java.util.function.Consumer<Color> near(Color expected) {
        return actual -> {
            assertThat(actual.getRed()).isCloseTo(expected.getRed(), within(40));
            assertThat(actual.getGreen()).isCloseTo(expected.getGreen(), within(40));
            assertThat(actual.getBlue()).isCloseTo(expected.getBlue(), within(40));
        };
    }

    /** Label detection switched off (imageproc.labels.enabled=false). */
    @Nested
    class LabelsOff {

        @Configure
        void aDetectorSwitchedOff(MainConfigurationProperties main) {
            bindDetector(main, false, ImageSource.BYTES);
        }

        @Test
        void asksNothingAndIsRecordedSkipped() {
            Exchange detected = detect();

            assertThat(rekognition.requests()).isEmpty();
            assertThat(detected.getMessage().getBody(DetectedLabels.class).skipped()).isTrue();
            assertThat(detected.getProperty(Steps.SKIPPED)).isEqualTo(true);
        }
    }
}
