package org.imageproc.observe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.prometheus.MicrometerPrometheus;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.spi.RestConfiguration;

/** The web app's and the management server's endpoints as bound: the interface each listens on, its actual port. */
final class HttpServers {

    private HttpServers() {
    }

    /** Web app, REST API, health, metrics and Jolokia, each with its URL; a server that is off is left out. */
    static Map<String, String> endpoints(CamelContext context) {
        Map<String, String> lines = new LinkedHashMap<>();
        MainHttpServer web = context.hasService(MainHttpServer.class);
        if (web != null) {
            bound(context, web.getHost(), web.getPort(), web.getPath()).ifPresent(base -> {
                lines.put("Web app", url(base, "/"));
                RestConfiguration rest = context.getRestConfiguration();
                String api = rest.getContextPath();
                lines.put("REST API", url(base, api) + "  (described at " + url(base, api + rest.getApiContextPath())
                        + ")");
            });
        }
        ManagementHttpServer management = context.hasService(ManagementHttpServer.class);
        if (management != null) {
            bound(context, management.getHost(), management.getPort(), management.getPath()).ifPresent(base -> {
                if (management.isHealthCheckEnabled()) {
                    lines.put("Health", url(base, management.getHealthPath()) + "  (/live, /ready)");
                }
                MicrometerPrometheus metrics = context.hasService(MicrometerPrometheus.class);
                if (management.isMetricsEnabled() && metrics != null) {
                    lines.put("Metrics", url(base, metrics.getPath()));
                }
                if (management.isJolokiaEnabled()) {
                    lines.put("Jolokia", url(base, management.getJolokiaPath()));
                }
            });
        }
        return lines;
    }

    /**
     * The Vert.x server started for that configuration, as {@code http://host:port}: the host it was told to bind
     * (camel-main's own summary shows 0.0.0.0 whatever it is) and the port it got (which differs when 0 was asked).
     */
    private static Optional<URI> bound(CamelContext context, String host, int port, String path) {
        return context.hasServices(VertxPlatformHttpServer.class).stream()
                .filter(server -> server.getHost().equals(host) && server.getConfigurationPort() == port
                        && Objects.equals(server.getPath(), path))
                .findFirst()
                .map(server -> uri(host, server.getPort()));
    }

    private static URI uri(String host, int port) {
        try {
            // brackets an IPv6 address
            return new URI("http", null, host, port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a host name: " + host, e);
        }
    }

    private static String url(URI base, String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
