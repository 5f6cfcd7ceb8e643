package org.imageproc.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.apache.camel.v1.Integration;
import org.apache.camel.v1.integrationspec.Traits;
import org.apache.camel.v1.integrationspec.traits.Addons;
import org.junit.jupiter.api.Test;

/** The Camel K Integration, read with Camel K's own CRD classes: our image, its probes, sizing, routes and KEDA. */
class CamelKIntegrationTest {

    static final Path FILE = Path.of("k8s/camel-k/integration.yaml");

    private final Integration integration = Manifests.readStrictly(FILE, Integration.class);
    private final Traits traits = integration.getSpec().getTraits();
    private final Map<String, String> environment = traits.getEnvironment().getVars().stream()
            .map(variable -> variable.split("=", 2))
            .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));

    @Test
    void isAValidIntegrationWithNoUnknownFields() {
        assertThat(integration.getApiVersion()).isEqualTo("camel.apache.org/v1");
        assertThat(integration.getKind()).isEqualTo("Integration");
        // the addons map is free-form in the CRD; its KEDA entry is checked field by field below
        assertThat(UnknownFields.in(integration, Set.of(Addons.class))).isEmpty();
        assertThat(integration.getSpec().getSources()).as("a self-managed build: no sources").isNullOrEmpty();
    }

    @Test
    void theStrictReadCatchesAMisspeltTraitProperty() {
        String yaml = Manifests.text(FILE).replace("readinessProbe:", "readinesProbe:");

        assertThatThrownBy(() -> Manifests.parseStrictly(yaml, Integration.class))
                .hasRootCauseInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("readinesProbe");
    }

    @Test
    void runsOurImageAsTheNonRootUserWithTheBaseDeploymentsSizing() {
        var container = traits.getContainer();
        var base = Manifests.only(Manifests.BASE, Deployment.class)
                .getSpec().getTemplate().getSpec();
        var resources = base.getContainers().get(0).getResources();

        assertThat(container.getImage()).matches(".+/imageproc:[0-9][0-9.]*");
        assertThat(container.getRunAsNonRoot()).isTrue();
        assertThat(container.getRunAsUser()).isEqualTo(base.getSecurityContext().getRunAsUser());
        assertThat(container.getRequestMemory()).isEqualTo(resources.getRequests().get("memory").toString());
        assertThat(container.getLimitMemory()).isEqualTo(resources.getLimits().get("memory").toString());
        assertThat(container.getRequestCPU()).isEqualTo(resources.getRequests().get("cpu").toString());
        assertThat(container.getLimitCPU()).isEqualTo(resources.getLimits().get("cpu").toString());
        assertThat(integration.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isEqualTo(base.getTerminationGracePeriodSeconds());
        assertThat(integration.getSpec().getServiceAccountName()).isEqualTo(
                Manifests.only(Manifests.BASE, ServiceAccount.class).getMetadata().getName());
    }

    @Test
    void healthTraitProbesTheManagementServersEndpoints() {
        var health = traits.getHealth();
        String management = AppProperties.value("imageproc.management.port");

        assertThat(traits.getContainer().getPort()).isEqualTo(Long.parseLong(management));
        assertThat(traits.getContainer().getPortName()).isEqualTo("http");
        assertThat(environment).containsEntry("IMAGEPROC_MANAGEMENT_PORT", management)
                .containsEntry("IMAGEPROC_MANAGEMENT_HOST", "0.0.0.0");
        assertThat(health.getLivenessProbeEnabled()).isTrue();
        assertThat(health.getLivenessProbe()).isEqualTo("/observe/health/live");
        assertThat(health.getReadinessProbeEnabled()).isTrue();
        assertThat(health.getReadinessProbe()).isEqualTo("/observe/health/ready");
        assertThat(health.getStartupProbe()).isEqualTo("/observe/health/live");
    }

    @Test
    void jvmTraitRunsTheImagesJarWithContainerSizing() {
        var jvm = traits.getJvm();
        Dockerfile dockerfile = Dockerfile.read();

        assertThat(jvm.getJar()).isEqualTo(dockerfile.only("COPY").split(" ")[1]);
        assertThat(jvm.getOptions()).as("the image's JDK_JAVA_OPTIONS, which this trait replaces")
                .containsExactlyInAnyOrder(dockerfile.environment().get("JDK_JAVA_OPTIONS").split(" "));
        assertThat(environment).containsKey("IMAGEPROC_JMX_PORT");
        assertThat(traits.getJolokia().getEnabled()).as("the app serves Jolokia itself").isFalse();
    }

    @Test
    void mountsTheRoutesConfigMapWhereTheRoutesDirectoryPoints() {
        var mount = traits.getMount();

        assertThat(mount.getConfigs()).containsExactly("configmap:imageproc-routes");
        assertThat(environment.get("IMAGEPROC_ROUTES_DIR"))
                .isEqualTo("/etc/camel/conf.d/_configmaps/imageproc-routes");
        assertThat(mount.getHotReload()).isTrue();
        assertThat(mount.getEmptyDirs()).containsExactly("tmp:/tmp");
    }

    @Test
    void everyEnvironmentVariableOverridesAnExistingProperty() {
        assertThat(environment).containsEntry("IMAGEPROC_MODE", "aws");
        assertThat(environment.keySet()).allSatisfy(name ->
                assertThat(AppProperties.keyOf(name)).as(name).isPresent());
    }

    @Test
    @SuppressWarnings("unchecked")
    void kedaAddonScalesOnTheQueue() {
        Map<String, Object> keda = traits.getAddons().get("keda").getAdditionalProperties();

        assertThat(keda).containsEntry("enabled", true).containsEntry("minReplicaCount", 1);
        assertThat(keda.keySet()).containsOnly("enabled", "minReplicaCount", "maxReplicaCount", "pollingInterval",
                "cooldownPeriod", "triggers");
        List<Map<String, Object>> triggers = (List<Map<String, Object>>) keda.get("triggers");
        assertThat(triggers).singleElement().satisfies(trigger -> {
            assertThat(trigger).containsEntry("type", "aws-sqs-queue");
            Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
            assertThat((String) metadata.get("queueURL")).endsWith("/" + environment.get("IMAGEPROC_QUEUE"));
            assertThat(metadata).containsEntry("awsRegion", environment.get("IMAGEPROC_AWS_REGION"));
        });
    }
}
