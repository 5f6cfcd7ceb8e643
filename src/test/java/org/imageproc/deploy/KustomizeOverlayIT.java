package org.imageproc.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example overlay, built by kubectl's kustomize: what `kubectl apply -k k8s/overlays/example` would send. */
class KustomizeOverlayIT {

    private static final Path OVERLAY = Manifests.K8S.resolve("overlays/example");

    private static List<HasMetadata> built;

    @BeforeAll
    static void build() throws Exception {
        // .ci/run installs kubectl, so on CI a missing one is a broken set-up, never a reason to skip
        assertThat(Kustomize.available() || !"true".equals(System.getenv("CI")))
                .as("kubectl is not on CI's PATH although .ci/run installs it").isTrue();
        if (Kustomize.available()) {
            built = Kustomize.build(OVERLAY);
        }
    }

    /** Each test skipped by name, with the reason in its report (a skip in {@link #build()} would show neither). */
    @BeforeEach
    void needsKubectl() {
        assumeTrue(built != null, "kubectl is not on the PATH, so the overlay is not built with its kustomize;"
                + " install a kubectl whose kustomize reads envs and labels (not Debian's kubernetes-client 1.20):"
                + " .ci/run shows how");
    }

    @Test
    void everyResourceIsValidAndInTheOverlaysNamespace() {
        assertThat(built).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap",
                "ConfigMap", "Service", "Deployment", "PodDisruptionBudget", "ScaledObject", "TriggerAuthentication",
                "NetworkPolicy");
        assertThat(built).allSatisfy(resource -> {
            assertThat(resource.getMetadata().getNamespace()).isEqualTo("imageproc");
            assertThat(UnknownFields.in(resource, Set.of())).isEmpty();
        });
    }

    @Test
    void deploymentUsesTheHashNamedConfigMapsAndTheAccountsImage() {
        Deployment deployment = one(Deployment.class);
        var pod = deployment.getSpec().getTemplate().getSpec();

        assertThat(pod.getContainers().get(0).getEnvFrom().get(0).getConfigMapRef().getName())
                .isEqualTo(configMap("imageproc-config").getMetadata().getName());
        assertThat(pod.getVolumes()).filteredOn(volume -> volume.getConfigMap() != null).singleElement()
                .satisfies(volume -> assertThat(volume.getConfigMap().getName())
                        .isEqualTo(configMap("imageproc-routes").getMetadata().getName()));
        assertThat(pod.getContainers().get(0).getImage())
                .isEqualTo("111122223333.dkr.ecr.eu-west-1.amazonaws.com/imageproc:0.1.0");
    }

    @Test
    void accountValuesReplaceTheBasesAndTheRestIsKept() {
        Map<String, String> overlay = Manifests.envFile(OVERLAY.resolve("imageproc.env"));
        Map<String, String> config = configMap("imageproc-config").getData();

        assertThat(config).containsAllEntriesOf(overlay).containsEntry("IMAGEPROC_MODE", "aws")
                .containsEntry("IMAGEPROC_MANAGEMENT_PORT", AppProperties.value("imageproc.management.port"));
        assertThat(config.keySet()).allSatisfy(name -> assertThat(AppProperties.keyOf(name)).as(name).isPresent());

        GenericKubernetesResource scaled = built.stream().filter(r -> r.getKind().equals("ScaledObject"))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        List<Map<String, Object>> triggers = scaled.get("spec", "triggers");
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) triggers.get(0).get("metadata");
        assertThat((String) metadata.get("queueURL")).startsWith("https://sqs." + config.get("IMAGEPROC_AWS_REGION"))
                .endsWith("/" + config.get("IMAGEPROC_QUEUE"));
        assertThat(metadata).containsEntry("awsRegion", config.get("IMAGEPROC_AWS_REGION"));
        assertThat(triggers.get(0)).containsEntry("authenticationRef", Map.of("name", "imageproc-aws"));
        assertThat(one(ServiceAccount.class).getMetadata().getAnnotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::111122223333:role/imageproc-service");
    }

    @Test
    void exampleValuesAreWhatTheAwsTemplateCreatesInThatAccount() {
        Map<String, String> config = configMap("imageproc-config").getData();
        String role = one(ServiceAccount.class).getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn");
        String account = role.split(":")[4];
        Map<String, String> pseudo = Map.of("AWS::AccountId", account, "AWS::Region", config.get("IMAGEPROC_AWS_REGION"),
                "AWS::Partition", "aws");
        CloudFormation template = CloudFormation.read();

        assertThat(config.get("IMAGEPROC_BUCKET"))
                .isEqualTo(template.substitute(template.properties("PhotoBucket").get("BucketName"), pseudo));
        assertThat(config.get("IMAGEPROC_QUEUE"))
                .isEqualTo(template.substitute(template.properties("EventQueue").get("QueueName"), pseudo));
        assertThat(config.get("IMAGEPROC_TABLE_IMAGES"))
                .isEqualTo(template.substitute(template.properties("ImageTable").get("TableName"), pseudo));
        assertThat(config.get("IMAGEPROC_TABLE_ALBUMS"))
                .isEqualTo(template.substitute(template.properties("AlbumTable").get("TableName"), pseudo));
        assertThat(role).isEqualTo("arn:aws:iam::" + account + ":role/"
                + template.substitute(template.properties("ServiceRole").get("RoleName"), pseudo));
    }

    @Test
    void editingARouteRenamesItsConfigMapSoThePodsRoll(@TempDir Path copy) throws Exception {
        copyTree(Manifests.K8S, copy);
        Path route = copy.resolve("base/routes/process-image.yaml");
        Files.writeString(route, Files.readString(route).replace("make-thumbnail", "make-thumbnail-edited"));

        List<HasMetadata> edited = Kustomize.build(copy.resolve("overlays/example"));

        String before = configMap("imageproc-routes").getMetadata().getName();
        String after = edited.stream().filter(ConfigMap.class::isInstance).map(HasMetadata::getMetadata)
                .map(meta -> meta.getName()).filter(name -> name.startsWith("imageproc-routes-")).findFirst()
                .orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(edited).filteredOn(Deployment.class::isInstance).singleElement().satisfies(deployment ->
                assertThat(((Deployment) deployment).getSpec().getTemplate().getSpec().getVolumes())
                        .anySatisfy(volume -> assertThat(volume.getConfigMap()).isNotNull()
                                .extracting(map -> map.getName()).isEqualTo(after)));
    }

    private static ConfigMap configMap(String generatorName) {
        return built.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(map -> map.getMetadata().getName().startsWith(generatorName + "-")).findFirst().orElseThrow();
    }

    private static <T> T one(Class<T> type) {
        return built.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
