package org.imageproc.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Builds a kustomization with `kubectl kustomize` (kustomize is built into kubectl), as `kubectl apply -k` would. */
final class Kustomize {

    private Kustomize() {
    }

    /** Whether kubectl is on the PATH (.ci/run installs it where it is missing). */
    static boolean available() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl")));
    }

    static List<HasMetadata> build(Path dir) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
        byte[] output = kubectl.getInputStream().readAllBytes();
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
        return Manifests.parseAll(new String(output, StandardCharsets.UTF_8));
    }
}
