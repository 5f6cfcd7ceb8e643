package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class S3EventPublisherTest {

    @Test
    void anUnreachableQueueDoesNotFailTheUpload() {
        LocalStackSettings settings = StackClients.onFreePorts(Path.of("unused"));
        int closedPort = Ports.resolve(settings.host(), 0);
        try (SqsClient sqs = LocalClients.sqs(settings, LocalAwsStack.endpoint(settings.host(), closedPort))) {
            S3EventPublisher publisher = new S3EventPublisher(sqs,
                    "http://127.0.0.1:" + closedPort + "/000000000000/image-events", new S3EventJson("us-east-1", "test"));

            assertThatCode(() -> publisher.publish(
                    new CreatedObject("photo-repo", "Incoming/a.jpg", 1, "e", CreatedObject.PUT)))
                    .doesNotThrowAnyException();
        }
    }
}
