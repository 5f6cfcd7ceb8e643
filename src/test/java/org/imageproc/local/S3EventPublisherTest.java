package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.imageproc.run.S3EventJson;
import org.imageproc.aws.LocalStackSettings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The publisher returns only once the queue took the event, so that the local S3 can tell the uploader otherwise. */
class S3EventPublisherTest {

    @Test
    void anUnreachableQueueFailsThePublication() {
        LocalStackSettings settings = StackClients.onFreePorts(Path.of("unused"));
        int closedPort = Ports.resolve(settings.host(), 0);
        try (SqsClient sqs = LocalClients.sqs(settings, LocalAwsStack.endpoint(settings.host(), closedPort))) {
            S3EventPublisher publisher = new S3EventPublisher(sqs,
                    "http://127.0.0.1:" + closedPort + "/000000000000/image-events", new S3EventJson("us-east-1", "test"));

            assertThatThrownBy(() -> publisher.publish(
                    new CreatedObject("photo-repo", "Incoming/a.jpg", 1, "e", CreatedObject.PUT)))
                    .isInstanceOf(SdkClientException.class);
        }
    }
}
