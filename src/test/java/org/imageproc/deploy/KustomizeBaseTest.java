package org.imageproc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The kustomize base: every manifest is a valid Kubernetes object and agrees with the service's configuration. */
class KustomizeBaseTest {

    private static final Path BASE = Manifests.BASE;

    private final Deployment deployment = Manifests.only(BASE, Deployment.class);
    private final PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    private final Container container = pod.getContainers().get(0);
    private final Map<String, String> environment = Manifests.envFile(BASE.resolve("imageproc.env"));

    @Test
    void everyListedManifestParsesIntoItsModelWithoutUnknownFields() {
        Map<String, List<HasMetadata>> resources = Manifests.kustomized(BASE);

        assertThat(resources.values().stream().flatMap(List::stream).map(HasMetadata::getKind)).containsExactly(
                "ServiceAccount", "Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy", "ScaledObject",
                "TriggerAuthentication");
        resources.forEach((file, documents) -> documents.forEach(resource ->
                assertThat(UnknownFields.in(resource, Set.of())).as(file).isEmpty()));
        assertThat(resources.values().stream().flatMap(List::stream).map(HasMetadata::getKind))
                .as("no secrets in files").doesNotContain("Secret");
    }

    @Test
    void theModelCheckCatchesAMisspeltField() {
        String yaml = Manifests.text(BASE.resolve("deployment.yaml")).replace("readinessProbe:", "readinesProbe:");
        Deployment misspelt = Manifests.parse(yaml, Deployment.class);

        assertThat(UnknownFields.in(misspelt, Set.of())).singleElement().asString()
                .contains("containers[0]").contains("readinesProbe");
    }

    @Test
    void podRunsAsNonRootOnAReadOnlyFilesystemWithAWritableTmp() {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(mount("/tmp").getReadOnly()).isNotEqualTo(Boolean.TRUE);
        assertThat(volume(mount("/tmp").getName()).getEmptyDir()).isNotNull();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void containerPortsAreTheConfiguredOnesAndTheServiceAndNetworkPolicyUseThem() {
        int web = AppProperties.number("imageproc.web.port");
        int management = AppProperties.number("imageproc.management.port");
        assertThat(environment).containsEntry("IMAGEPROC_WEB_PORT", Integer.toString(web))
                .containsEntry("IMAGEPROC_MANAGEMENT_PORT", Integer.toString(management))
                .containsEntry("IMAGEPROC_WEB_HOST", "0.0.0.0").containsEntry("IMAGEPROC_MANAGEMENT_HOST", "0.0.0.0");
        assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactly(Tuple.tuple("web", web),
                        Tuple.tuple("management", management));

        Service service = Manifests.only(BASE, Service.class);
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).extracting(port -> port.getTargetPort().getStrVal())
                .containsExactly("web", "management");

        NetworkPolicy policy = Manifests.only(BASE, NetworkPolicy.class);
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(policy.getSpec().getIngress()).flatExtracting(rule -> rule.getPorts())
                .extracting(port -> port.getPort().getIntVal()).containsExactlyInAnyOrder(web, management);
        assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getFrom()).isEmpty());
        List<NetworkPolicyPort> egress = policy.getSpec().getEgress().stream()
                .flatMap(rule -> rule.getPorts().stream()).toList();
        assertThat(egress).extracting(NetworkPolicyPort::getProtocol, port -> port.getPort().getIntVal())
                .containsExactlyInAnyOrder(Tuple.tuple("UDP", 53),
                        Tuple.tuple("TCP", 53), Tuple.tuple("TCP", 443));
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    }

    @Test
    void probesAskTheManagementServersHealthEndpoints() {
        assertThat(probe(container.getLivenessProbe())).isEqualTo("management /observe/health/live");
        assertThat(probe(container.getReadinessProbe())).isEqualTo("management /observe/health/ready");
        assertThat(probe(container.getStartupProbe())).isEqualTo("management /observe/health/live");
    }

    @Test
    void gracePeriodCoversCamelsShutdownAndStaysUnderTheVisibilityTimeout() {
        long grace = pod.getTerminationGracePeriodSeconds();
        int shutdown = AppProperties.number("camel.main.shutdown-timeout");
        List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop.get(0)).isEqualTo("sleep");
        int drain = Integer.parseInt(preStop.get(1));

        // Kubernetes must not kill Camel while it finishes in-flight images, plus a few seconds to close the clients
        assertThat(grace).isGreaterThanOrEqualTo(drain + shutdown + 5L);
        // past the visibility timeout the message is someone else's anyway
        assertThat(grace).isLessThan(AppProperties.number("imageproc.sqs.visibility-timeout-seconds"));
    }

    @Test
    void resourcesLeaveHeapAndNativeMemoryTheirShare() {
        Quantity request = container.getResources().getRequests().get("memory");
        Quantity limit = container.getResources().getLimits().get("memory");
        long limitBytes = limit.getNumericalAmount().longValueExact();
        long heap = limitBytes * Dockerfile.read().maxRamPercentage() / 100;

        assertThat(request.getNumericalAmount()).isLessThanOrEqualTo(limit.getNumericalAmount());
        // measured in aws mode (deployment.yaml): peak RSS 620 MB, RSS minus committed heap about 280 MB
        assertThat(request.getNumericalAmount().longValueExact()).isGreaterThanOrEqualTo(620L * 1000 * 1000);
        assertThat(limitBytes - heap).as("native memory").isGreaterThanOrEqualTo(280L * 1000 * 1000);
        // the heap that went through the measured bursts without running out
        assertThat(heap).isGreaterThanOrEqualTo(512L * 1024 * 1024);
        assertThat(container.getResources().getRequests()).containsKey("cpu");
    }

    @Test
    void serviceAccountNamesAnIamRoleForIrsa() {
        ServiceAccount account = Manifests.only(BASE, ServiceAccount.class);

        assertThat(pod.getServiceAccountName()).isEqualTo(account.getMetadata().getName());
        assertThat(account.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn"))
                .matches("arn:aws:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_-]+");
        assertThat(account.getSecrets()).isEmpty();
    }

    @Test
    void generatedConfigMapsFeedTheEnvironmentAndTheRoutesDirectory() {
        JsonNode generators = Manifests.tree(BASE.resolve("kustomization.yaml")).path("configMapGenerator");
        assertThat(generators).extracting(generator -> generator.path("name").asText())
                .containsExactly("imageproc-config", "imageproc-routes");

        assertThat(container.getEnvFrom()).singleElement()
                .satisfies(source -> assertThat(source.getConfigMapRef().getName()).isEqualTo("imageproc-config"));
        VolumeMount routes = mount(environment.get("IMAGEPROC_ROUTES_DIR"));
        assertThat(routes.getReadOnly()).isTrue();
        assertThat(volume(routes.getName()).getConfigMap().getName()).isEqualTo("imageproc-routes");
        assertThat(environment).containsEntry("IMAGEPROC_MODE", "aws").containsEntry("IMAGEPROC_ROUTES_RELOAD", "false");
    }

    @Test
    void routesConfigMapStartsFromTheBuiltInFlow() {
        JsonNode files = Manifests.tree(BASE.resolve("kustomization.yaml")).path("configMapGenerator").get(1)
                .path("files");
        assertThat(files).singleElement().extracting(JsonNode::asText).isEqualTo("routes/process-image.yaml");

        assertThat(Manifests.text(BASE.resolve("routes/process-image.yaml")))
                .isEqualTo(Manifests.text(Path.of("src/main/resources/routes/process-image.yaml")));
    }

    @Test
    void everyEnvironmentVariableOverridesAnExistingProperty() {
        assertThat(environment.keySet()).allSatisfy(name ->
                assertThat(AppProperties.keyOf(name)).as(name).isPresent());
        assertThat(container.getEnv()).extracting(variable -> variable.getName())
                .filteredOn(name -> name.startsWith("IMAGEPROC_"))
                .allSatisfy(name -> assertThat(AppProperties.keyOf(name)).as(name).isPresent());
        assertThat(AppProperties.keyOf("IMAGEPROC_TABLE_IMAGES")).contains("imageproc.table.images");
        assertThat(AppProperties.keyOf("IMAGEPROC_NO_SUCH_SETTING")).isEmpty();
    }

    @Test
    void kedaScalesTheDeploymentOnQueueDepthWithPodIdentity() {
        Map<String, GenericKubernetesResource> keda = Manifests.kustomized(BASE).get("keda.yaml").stream()
                .map(GenericKubernetesResource.class::cast)
                .collect(Collectors.toMap(HasMetadata::getKind, resource -> resource));
        GenericKubernetesResource scaled = keda.get("ScaledObject");
        GenericKubernetesResource authentication = keda.get("TriggerAuthentication");

        assertThat(scaled.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
        assertThat((String) scaled.get("spec", "scaleTargetRef", "name")).isEqualTo(deployment.getMetadata().getName());
        assertThat(deployment.getSpec().getReplicas()).as("KEDA owns the replica count").isNull();
        assertThat((Integer) scaled.get("spec", "minReplicaCount")).isEqualTo(1);
        assertThat((Integer) scaled.get("spec", "maxReplicaCount")).isGreaterThan(1);
        List<Map<String, Object>> triggers = scaled.get("spec", "triggers");
        assertThat(triggers).singleElement().satisfies(trigger -> {
            assertThat(trigger).containsEntry("type", "aws-sqs-queue")
                    .containsEntry("authenticationRef", Map.of("name", authentication.getMetadata().getName()));
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
            assertThat((String) metadata.get("queueURL")).endsWith("/" + environment.get("IMAGEPROC_QUEUE"));
            assertThat(metadata).containsEntry("awsRegion", environment.get("IMAGEPROC_AWS_REGION"));
        });
        assertThat(authentication.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
        assertThat((String) authentication.get("spec", "podIdentity", "provider")).isEqualTo("aws");
        assertThat(authentication.getAdditionalProperties().get("spec").toString()).doesNotContain("secretTargetRef");
    }

    @Test
    void disruptionBudgetLetsOnePodGoAtATime() {
        PodDisruptionBudget budget = Manifests.only(BASE, PodDisruptionBudget.class);

        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    }

    private String probe(Probe probe) {
        return probe.getHttpGet().getPort().getStrVal() + " " + probe.getHttpGet().getPath();
    }

    private VolumeMount mount(String path) {
        return container.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    private Volume volume(String name) {
        return pod.getVolumes().stream().filter(volume -> volume.getName().equals(name)).findFirst().orElseThrow();
    }
}
