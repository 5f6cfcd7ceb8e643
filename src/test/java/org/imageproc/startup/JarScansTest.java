package org.imageproc.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PackageScanResourceResolver;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.scan.DefaultPackageScanClassResolver;
import org.apache.camel.support.scan.DefaultPackageScanResourceResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The central-directory scanners find in a jar exactly what Camel's stream-reading ones find. */
class JarScansTest {

    private static final List<String> ENTRIES = List.of("META-INF/MANIFEST.MF", "routes/", "routes/a.yaml",
            "routes/b.yaml", "routes/notes.txt", "routes/sub/c.yaml", "other/d.yaml", "org/example/Thing.class",
            "org/example/inner/Other.class", "org/example/readme.txt");

    @TempDir
    Path dir;

    @Test
    void findRouteFilesInAJarAsCamelDoes() throws Exception {
        Path jar = jar();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                CamelContext context = JarScans.install(new DefaultCamelContext())) {
            PackageScanResourceResolver installed = PluginHelper.getPackageScanResourceResolver(context);
            DefaultPackageScanResourceResolver camels = new DefaultPackageScanResourceResolver();
            camels.setCamelContext(context);
            installed.addClassLoader(loader);
            camels.addClassLoader(loader);

            List<String> found = locations(installed.findResources("classpath:routes/*.yaml"));

            assertThat(installed).isInstanceOf(CentralDirectoryResourceResolver.class);
            assertThat(found).containsExactly("routes/a.yaml", "routes/b.yaml");
            assertThat(found).isEqualTo(locations(camels.findResources("classpath:routes/*.yaml")));
        }
    }

    @Test
    void listTheClassesOfAJarAsCamelDoes() throws Exception {
        Path jar = jar();
        String path = jar.toString();

        List<String> found;
        try (InputStream stream = Files.newInputStream(jar)) {
            found = new CentralDirectoryClassResolver().doLoadJarClassEntries(stream, path);
        }
        List<String> camels;
        try (InputStream stream = Files.newInputStream(jar)) {
            camels = new StreamReadingClassResolver().entries(stream, path);
        }

        assertThat(found).containsExactly("org/example/Thing.class", "org/example/inner/Other.class")
                .isEqualTo(camels);
    }

    private Path jar() throws Exception {
        Path jar = dir.resolve("scanned.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : ENTRIES) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    out.write(("contents of " + name).getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The entries found in the test's jar (the class path's own route files aside). */
    private static List<String> locations(Collection<Resource> resources) {
        return resources.stream().map(Resource::getLocation).filter(location -> location.contains("scanned.jar!/"))
                .map(location -> location.replaceFirst(".*!/", "")).sorted().toList();
    }

    /** Camel's own class scanner, which reads the jar as a stream. */
    private static final class StreamReadingClassResolver extends DefaultPackageScanClassResolver {

        List<String> entries(InputStream stream, String path) {
            return doLoadJarClassEntries(stream, path);
        }
    }
}
