package org.imageproc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.apache.camel.v1.Integration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.apache.camel.v1.integrationspec.traits.Health;
import org.imageproc.TestService;
import org.junit.jupiter.api.Test;

/** Every probe and scrape path the manifests name is answered by the running service's management server. */
class ProbesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Deployment deployment = Manifests.only(Manifests.BASE, Deployment.class);
    private final Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    @Test
    void deploymentProbesAreAnsweredOnTheManagementPort() {
        for (Probe probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(),
                container.getStartupProbe())) {
            String port = probe.getHttpGet().getPort().getStrVal();
            assertThat(container.getPorts()).filteredOn(p -> p.getName().equals(port)).singleElement()
                    .satisfies(p -> assertThat(p.getContainerPort())
                            .isEqualTo(AppProperties.number("imageproc.management.port")));

            assertThat(status(probe.getHttpGet().getPath())).as(probe.getHttpGet().getPath()).isEqualTo(200);
        }
    }

    @Test
    void prometheusScrapesTheMetricsPath() {
        var annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();

        assertThat(annotations.get("prometheus.io/port")).isEqualTo(AppProperties.value("imageproc.management.port"));
        assertThat(status(annotations.get("prometheus.io/path"))).isEqualTo(200);
    }

    @Test
    void camelKHealthTraitPathsAreAnswered() {
        Health health = Manifests.readStrictly(CamelKIntegrationTest.FILE, Integration.class).getSpec().getTraits()
                .getHealth();
        for (String path : List.of(health.getLivenessProbe(), health.getReadinessProbe(), health.getStartupProbe())) {
            assertThat(status(path)).as(path).isEqualTo(200);
        }
    }

    /** The path's status once it is 200, or its last status; readiness turns UP after the consumers' first polls. */
    private static int status(String path) {
        URI uri = TestService.get().management().resolve(path.substring(1));
        int[] last = new int[1];
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                last[0] = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                return last[0] == 200;
            });
        } catch (ConditionTimeoutException e) {
            // the assertion names the path and the status it kept
        }
        return last[0];
    }
}
