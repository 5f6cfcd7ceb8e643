package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.imageproc.TestService;
import org.junit.jupiter.api.Test;

/** The web app's files come from the classpath with their content types; nothing else is served. */
class StaticFilesIT {

    private final Api api = new Api(TestService.get().web());

    @Test
    void thePageAndItsAssetsAreServedWithTheirTypes() {
        Api.Reply page = api.get("", null);
        Api.Reply script = api.get("assets/app.js", null);
        Api.Reply calls = api.get("assets/api.js", null);
        Api.Reply style = api.get("assets/app.css", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.text()).contains("<title>imageproc</title>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self';"));
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(script.text()).contains("from './api.js'");
        assertThat(calls.text()).contains("X-Demo-User");
        assertThat(style.contentType()).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void everyFileOfTheAppIsServedWithTheTypeOfItsExtension() throws IOException {
        Map<String, String> types = Map.of(
                "html", "text/html; charset=utf-8",
                "css", "text/css; charset=utf-8",
                "js", "text/javascript; charset=utf-8",
                "svg", "image/svg+xml");
        Path web = Path.of("src", "main", "resources", "web");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(web)) {
            files = walk.filter(Files::isRegularFile).toList();
        }

        assertThat(files).extracting(file -> file.getFileName().toString())
                .contains("index.html", "app.js", "app.css", "favicon.svg");
        for (Path file : files) {
            String name = web.relativize(file).toString().replace('\\', '/');
            String extension = name.substring(name.lastIndexOf('.') + 1);
            Api.Reply reply = api.get(name.equals("index.html") ? "" : name, null);

            assertThat(reply.status()).as(name).isEqualTo(200);
            assertThat(reply.contentType()).as(name).isEqualTo(types.get(extension));
            assertThat(reply.text()).as(name).isEqualTo(Files.readString(file));
        }
    }

    @Test
    void unknownFilesAndPathsOutsideTheAppAreNotFound() {
        assertThat(api.get("assets/nope.js", null).status()).isEqualTo(404);
        assertThat(api.get("assets/..%2F..%2Fpom.xml", null).status()).isEqualTo(404);
        assertThat(api.get("assets/%2e%2e/application.properties", null).status()).isEqualTo(404);
        assertThat(api.get("assets/app.js.bak", null).status()).isEqualTo(404);
        assertThat(api.get("application.properties", null).status()).isEqualTo(404);
        assertThat(api.get("pom.xml", null).status()).isEqualTo(404);
        assertThat(api.get("api/nothing-here", "alice").status()).isEqualTo(404);
    }
}
