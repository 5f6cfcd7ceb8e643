package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.imageproc.aws.LocalStackSettings;
import org.imageproc.detector.LocalLabels;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.RekognitionException;

/**
 * The local Rekognition listens before its model has loaded, so that the service's start does not wait for the model:
 * a DetectLabels request waits for it instead, and a model that cannot load is every request's answer.
 */
class RekognitionModelWaitIT {

    private static final LocalStackSettings SETTINGS = StackClients.defaults(Path.of("target", "unused"));
    // inline images never reach S3: nothing listens here
    private static final URI NO_S3 = URI.create("http://127.0.0.1:9");

    @Test
    void aRequestWaitsForTheModelAndGetsItsLoadFailure() throws Exception {
        CompletableFuture<LocalLabels> model = new CompletableFuture<>();
        RekognitionServer server = RekognitionServer.start("127.0.0.1", 0, model,
                new S3Images(LocalClients.s3(SETTINGS, NO_S3)));
        try (RekognitionClient rekognition = LocalClients.local(RekognitionClient.builder(), SETTINGS,
                URI.create("http://127.0.0.1:" + server.port()))
                .overrideConfiguration(config -> config.apiCallTimeout(Duration.ofSeconds(30))).build()) {
            byte[] photo = TestImages.jpeg(64, 48);
            CompletableFuture<Throwable> answer = CompletableFuture.supplyAsync(() -> catchThrowable(() ->
                    rekognition.detectLabels(r -> r.image(i -> i.bytes(SdkBytes.fromByteArray(photo))))));

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !answer.isDone());
            model.completeExceptionally(new IllegalStateException("the model file is missing"));

            Throwable failure = answer.get(20, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(RekognitionException.class)
                    .hasMessageContaining("Local label detection could not start: the model file is missing");
            assertThat(((RekognitionException) failure).statusCode()).isEqualTo(500);
        } finally {
            server.close();
        }
    }
}
