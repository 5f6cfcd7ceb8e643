package org.imageproc.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.imageproc.run.Execution;
import org.imageproc.run.Steps;
import org.imageproc.run.Variables;
import org.imageproc.testing.RouteTests;
import org.imageproc.testing.TestBeans;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;

/**
 * The detect-labels route on a fake Rekognition: the flow's label settings go into the request, and the step says
 * it was SKIPPED (the property the step recorder reads) exactly when label detection is off.
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

    private void bindDetector(MainConfigurationProperties main, boolean enabled) {
        main.addConfiguration(new TestBeans(context -> context.getRegistry().bind("labelDetector",
                new LabelDetector(rekognition, enabled))));
    }

    private Exchange detect() {
        return detectLabels.send(exchange -> {
            exchange.setVariable(Variables.EXECUTION, EXECUTION);
            exchange.setVariable(Variables.MAX_LABELS, 7);
            exchange.setVariable(Variables.MIN_CONFIDENCE, 55f);
        });
    }

    /** Label detection on, as the service runs by default. */
    @Nested
    class LabelsOn {

        @Configure
        void aDetectorOnTheFake(MainConfigurationProperties main) {
            bindDetector(main, true);
        }

        @Test
        void asksForTheRunsObjectWithTheFlowsSettingsAndIsNotSkipped() {
            Exchange detected = detect();

            assertThat(rekognition.requests()).singleElement().satisfies(request -> {
                assertThat(request.image().s3Object().bucket()).isEqualTo("photo-repo");
                assertThat(request.image().s3Object().name()).isEqualTo("Incoming/u1/a1/cat.jpg");
                assertThat(request.maxLabels()).isEqualTo(7);
                assertThat(request.minConfidence()).isEqualTo(55f);
            });
            DetectedLabels labels = detected.getMessage().getBody(DetectedLabels.class);
            assertThat(labels.tags()).containsExactly("Cat");
            assertThat(labels.labels().get(0).parents()).containsExactly("Animal");
            assertThat(detected.getProperty(Steps.SKIPPED)).isEqualTo(false);
        }
    }

    /** Label detection switched off (imageproc.labels.enabled=false). */
    @Nested
    class LabelsOff {

        @Configure
        void aDetectorSwitchedOff(MainConfigurationProperties main) {
            bindDetector(main, false);
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
