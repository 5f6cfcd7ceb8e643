package org.imageproc.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.imageproc.routes.RouteFile.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteFilesTest {

    private static final Map<String, String> BUILT_IN = Map.of(
            "process-image.yaml", "classpath:routes/process-image.yaml",
            "announce-success.yaml", "classpath:routes/announce-success.yaml");

    @TempDir
    Path dir;

    @Test
    void withoutADirectoryEveryBuiltInFileIsLoaded() {
        assertThat(RouteFiles.resolve(BUILT_IN, "  ", false)).containsExactly(
                new RouteFile("announce-success.yaml", "classpath:routes/announce-success.yaml", Origin.BUILT_IN),
                new RouteFile("process-image.yaml", "classpath:routes/process-image.yaml", Origin.BUILT_IN));
    }

    @Test
    void aFileOfTheSameNameReplacesTheBuiltInOneAndOthersAreAdded() throws IOException {
        Path replacement = Files.writeString(dir.resolve("process-image.yaml"), "- route: {}\n");
        Path added = Files.writeString(dir.resolve("notify.yaml"), "- route: {}\n");

        assertThat(RouteFiles.resolve(BUILT_IN, dir.toString(), false)).containsExactly(
                new RouteFile("announce-success.yaml", "classpath:routes/announce-success.yaml", Origin.BUILT_IN),
                new RouteFile("notify.yaml", "file:" + added.toAbsolutePath(), Origin.ADDED),
                new RouteFile("process-image.yaml", "file:" + replacement.toAbsolutePath(), Origin.REPLACES_BUILT_IN));
    }

    @Test
    void onlyYamlFilesAreRoutes() throws IOException {
        Files.writeString(dir.resolve("README.txt"), "notes");
        Files.writeString(dir.resolve("old.yaml.bak"), "- route: {}\n");
        Files.createDirectory(dir.resolve("nested.yaml"));

        assertThat(RouteFiles.resolve(BUILT_IN, dir.toString(), true)).extracting(RouteFile::origin)
                .containsOnly(Origin.BUILT_IN).hasSize(2);
    }

    @Test
    void aRelativeDirectoryIsTakenFromTheWorkingDirectory() throws IOException {
        Path relative = Files.createDirectories(Path.of("target", "test-data", "relative-routes"));
        Files.writeString(relative.resolve("extra.yaml"), "- route: {}\n");

        assertThat(RouteFiles.resolve(BUILT_IN, "target/test-data/relative-routes", false))
                .contains(new RouteFile("extra.yaml", "file:" + relative.toAbsolutePath().resolve("extra.yaml"),
                        Origin.ADDED));
    }

    @Test
    void aMissingDirectoryStopsTheStartWithItsKeyAndPath() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> RouteFiles.resolve(BUILT_IN, missing.toString(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("imageproc.routes.dir (IMAGEPROC_ROUTES_DIR): " + missing
                        + " does not exist; fix it, or leave the key empty to run the built-in routes only");
    }

    @Test
    void aFileInsteadOfADirectoryStopsTheStart() throws IOException {
        Path file = Files.writeString(dir.resolve("routes.yaml"), "- route: {}\n");

        assertThatThrownBy(() -> RouteFiles.resolve(BUILT_IN, file.toString(), false))
                .hasMessageContaining(file + " is not a directory");
    }

    @Test
    void reloadingWithoutADirectoryStopsTheStart() {
        assertThatThrownBy(() -> RouteFiles.resolve(BUILT_IN, "", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("imageproc.routes.reload is true but imageproc.routes.dir");
    }
}
