package org.imageproc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The container image as far as it can be checked without building it (no Docker on the build machine). */
class DockerfileTest {

    private final Dockerfile dockerfile = Dockerfile.read();

    @Test
    void runsDebiansOpenJdk17() {
        assertThat(dockerfile.only("FROM")).isEqualTo("debian:bookworm-slim");
        assertThat(dockerfile.only("RUN")).contains("apt-get install -y --no-install-recommends openjdk-17-jre-headless")
                .contains("rm -rf /var/lib/apt/lists/*");
    }

    @Test
    void copiesTheJarTheBuildProducesAndRunsIt() throws Exception {
        String finalName = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getElementsByTagName("finalName").item(0).getTextContent();
        String[] copy = dockerfile.only("COPY").split(" ");

        assertThat(copy[0]).isEqualTo("target/" + finalName + ".jar");
        List<String> entrypoint = List.of(new ObjectMapper().readValue(dockerfile.only("ENTRYPOINT"), String[].class));
        assertThat(entrypoint).containsExactly("java", "-jar", copy[1]);
        assertThat(Manifests.text(Path.of(".dockerignore")).lines()).contains("*", "!" + copy[0]);
    }

    @Test
    void runsAsTheNumericNonRootUserTheDeploymentExpects() {
        String[] user = dockerfile.only("USER").split(":");
        Deployment deployment = Manifests.only(Manifests.BASE, Deployment.class);
        var context = deployment.getSpec().getTemplate().getSpec().getSecurityContext();

        assertThat(Long.parseLong(user[0])).isPositive().isEqualTo(context.getRunAsUser());
        assertThat(Long.parseLong(user[1])).isEqualTo(context.getRunAsGroup());
    }

    @Test
    void exposesTheConfiguredPorts() {
        assertThat(dockerfile.only("EXPOSE").split(" ")).containsExactly(
                AppProperties.value("imageproc.web.port"), AppProperties.value("imageproc.management.port"));
    }

    @Test
    void sizesTheJvmForTheContainerAndWritesOnlyToTmp() {
        Map<String, String> environment = dockerfile.environment();

        assertThat(environment).containsEntry("MALLOC_ARENA_MAX", "2");
        assertThat(dockerfile.maxRamPercentage()).isBetween(25, 75);
        assertThat(environment.get("JDK_JAVA_OPTIONS")).contains("-Djava.io.tmpdir=/tmp", "-XX:-G1UseAdaptiveIHOP")
                .doesNotContain("-Xmx");
    }

    @Test
    void setsOnlyExistingPropertiesAndRunsInAwsMode() {
        Map<String, String> environment = dockerfile.environment();

        assertThat(environment).containsEntry("IMAGEPROC_MODE", "aws")
                .containsEntry("IMAGEPROC_WEB_HOST", "0.0.0.0").containsEntry("IMAGEPROC_MANAGEMENT_HOST", "0.0.0.0");
        assertThat(environment.keySet()).filteredOn(name -> name.startsWith("IMAGEPROC_")).allSatisfy(name ->
                assertThat(AppProperties.keyOf(name)).as(name).isPresent());
        assertThat(environment.keySet()).noneMatch(name -> name.startsWith("AWS_"));
    }
}
