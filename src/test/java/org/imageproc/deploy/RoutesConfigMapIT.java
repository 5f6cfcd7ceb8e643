package org.imageproc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Route;
import org.imageproc.TestService;
import org.imageproc.testing.BuiltInRoutes;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service with its routes directory holding the base's routes ConfigMap as a pod mounts it (each file its
 * generator lists, under its own name), the flow marked by a description and a thumbnail size of its own: the mounted
 * flow is the one that runs, replacing the built-in one of the same name rather than clashing with it.
 */
class RoutesConfigMapIT {

    private static final String BUILT_IN_DESCRIPTION =
            "description: Processes one uploaded image from its S3 event to SUCCEEDED or FAILED";
    private static final String MOUNTED_DESCRIPTION = "Processes one uploaded image, as mounted from the ConfigMap";

    private static Path mounted;
    private static TestService service;

    @BeforeAll
    static void startWithTheConfigMapsRoutes() throws IOException {
        mounted = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "configmap-");
        JsonNode kustomization = Manifests.tree(Manifests.BASE.resolve("kustomization.yaml"));
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            if (generator.path("name").asText().equals("imageproc-routes")) {
                for (JsonNode file : generator.path("files")) {
                    Path source = Manifests.BASE.resolve(file.asText());
                    Files.copy(source, mounted.resolve(source.getFileName()));
                }
            }
        }
        Path flow = mounted.resolve("process-image.yaml");
        String text = Files.readString(flow);
        assertThat(text).as("the ConfigMap's flow, as the mark expects it").contains(BUILT_IN_DESCRIPTION);
        Files.writeString(flow, BuiltInRoutes.edited(text, Map.of("imageproc.thumbnail.max-size", "100"))
                .replace(BUILT_IN_DESCRIPTION, "description: " + MOUNTED_DESCRIPTION));
        service = TestService.start(Map.of("imageproc.routes.dir", mounted.toString()));
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @Test
    void theFlowComesFromTheMountedDirectory() {
        Route flow = service.context().getRoute("process-image");

        assertThat(flow.getSourceResource().getLocation())
                .isEqualTo("file:" + mounted.toAbsolutePath().normalize().resolve("process-image.yaml"));
        assertThat(flow.getDescription()).isEqualTo(MOUNTED_DESCRIPTION);
        assertThat(service.context().getRoute("announce-success").getSourceResource().getLocation())
                .as("a built-in file the ConfigMap does not hold").endsWith("routes/announce-success.yaml")
                .doesNotContain(mounted.toAbsolutePath().toString());
    }

    @Test
    void processesAnUploadWithTheMountedFlow() {
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/configmap.jpg"),
                RequestBody.fromBytes(TestImages.jpeg(320, 240)));

        Map<String, AttributeValue> item = service.awaitFinal("configmap.jpg", Duration.ofSeconds(30));
        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        // the built-in flow would have made it 250 wide
        assertThat(item.get("thumbnail").m().get("width").n()).isEqualTo("100");
        assertThat(item.get("thumbnail").m().get("height").n()).isEqualTo("75");
        assertThat(service.context().getRoute("process-image")).isNotNull();
    }
}
