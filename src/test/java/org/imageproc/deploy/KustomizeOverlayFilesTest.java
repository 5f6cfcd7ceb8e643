package org.imageproc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

/**
 * The example overlay read file by file, without kubectl (which a developer may lack): it builds on the base, its
 * patches name resources the base has, its merged ConfigMap exists in the base, and every value it sets is a real
 * setting.
 * {@link KustomizeOverlayIT} builds it with kubectl's kustomize (on CI always: .ci/run installs kubectl).
 */
class KustomizeOverlayFilesTest {

    private static final Path OVERLAY = Manifests.K8S.resolve("overlays/example");
    private static final JsonNode KUSTOMIZATION = Manifests.tree(OVERLAY.resolve("kustomization.yaml"));

    @Test
    void theOverlayBuildsOnTheBase() {
        assertThat(texts(KUSTOMIZATION.path("resources"))).containsExactly("../../base");
        assertThat(OVERLAY.resolve("../../base").normalize()).isEqualTo(Manifests.BASE.normalize());
    }

    @Test
    void everyPatchNamesAResourceOfTheBaseAndIsValid() {
        List<HasMetadata> base = Manifests.kustomized(Manifests.BASE).values().stream().flatMap(List::stream).toList();
        List<String> patches = StreamSupport.stream(KUSTOMIZATION.path("patches").spliterator(), false)
                .map(patch -> patch.path("path").asText()).toList();

        assertThat(patches).isNotEmpty().allSatisfy(file -> {
            List<HasMetadata> patch = Manifests.read(OVERLAY.resolve(file));
            assertThat(patch).singleElement().satisfies(resource -> {
                assertThat(base).anySatisfy(target -> {
                    assertThat(target.getKind()).isEqualTo(resource.getKind());
                    assertThat(target.getApiVersion()).isEqualTo(resource.getApiVersion());
                    assertThat(target.getMetadata().getName()).isEqualTo(resource.getMetadata().getName());
                });
                assertThat(UnknownFields.in(resource, Set.of())).isEmpty();
            });
        });
    }

    @Test
    void theMergedConfigMapExistsInTheBaseAndSetsOnlyRealSettings() {
        List<String> baseGenerators = StreamSupport.stream(
                        Manifests.tree(Manifests.BASE.resolve("kustomization.yaml")).path("configMapGenerator").spliterator(),
                        false)
                .map(generator -> generator.path("name").asText()).toList();

        for (JsonNode generator : KUSTOMIZATION.path("configMapGenerator")) {
            assertThat(generator.path("behavior").asText()).isEqualTo("merge");
            assertThat(baseGenerators).contains(generator.path("name").asText());
            for (String envFile : texts(generator.path("envs"))) {
                Map<String, String> variables = Manifests.envFile(OVERLAY.resolve(envFile));
                assertThat(variables).isNotEmpty();
                assertThat(variables.keySet()).allSatisfy(name ->
                        assertThat(AppProperties.keyOf(name)).as("%s is a setting of application.properties", name)
                                .isPresent());
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
