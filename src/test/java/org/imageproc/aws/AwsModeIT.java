package org.imageproc.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service in {@code aws} mode, as in production: it starts no server of its own, takes its credentials from the
 * SDK's default chain and its endpoints from configuration. Pointed at a separately started local stack, it must
 * process an upload exactly as in local mode.
 */
class AwsModeIT {

    private static AwsModeService aws;
    private static TestService service;

    @BeforeAll
    static void startStackThenServiceInAwsMode() {
        aws = AwsModeService.start();
        service = aws.service();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void startsNoLocalServerAndProcessesAnUploadThroughTheConfiguredEndpoints() {
        assertThat(service.aws().localStack()).isEmpty();

        service.s3().putObject(r -> r.bucket("photo-repo").key("Incoming/aws-mode.jpg"),
                RequestBody.fromBytes(TestImages.jpeg(500, 250)));

        Map<String, AttributeValue> item = service.awaitFinal("aws-mode.jpg", Duration.ofSeconds(30));
        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(item.get("thumbnail").m().get("width").n()).isEqualTo("250");
        assertThat(item.get("thumbnail").m().get("height").n()).isEqualTo("125");
        assertThat(item.get("tags").l()).extracting(AttributeValue::s).containsExactly("Dog", "Animal");
    }
}
