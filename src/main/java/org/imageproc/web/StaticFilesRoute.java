package org.imageproc.web;

import org.apache.camel.BeanInject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** Serves the web app's page and assets from the classpath; the API under {@code /api} is left to the REST routes. */
public class StaticFilesRoute extends EndpointRouteBuilder {

    @BeanInject
    StaticFiles files;

    @Override
    public void configure() {
        from(platformHttp("/").httpMethodRestrict("GET,HEAD")).routeId("get-index-page")
                .routeConfigurationId(ApiErrorHandling.ID)
                .to(direct("get-static-file"));
        from(platformHttp("/assets").matchOnUriPrefix(true).httpMethodRestrict("GET,HEAD")).routeId("get-asset")
                .routeConfigurationId(ApiErrorHandling.ID)
                .to(direct("get-static-file"));

        from(direct("get-static-file")).routeId("get-static-file").routeConfigurationId(ApiErrorHandling.ID)
                .bean(files)
                .setHeader(Exchange.CONTENT_TYPE, simple("${body.contentType}"))
                .setHeader("Cache-Control", constant("no-cache"))
                .setHeader("X-Content-Type-Options", constant("nosniff"))
                // scripts only from the app itself; images and uploads go to S3 wherever it is (local port or AWS)
                .setHeader("Content-Security-Policy", constant("default-src 'self'; script-src 'self'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' http: https:; connect-src 'self' http: https:; "
                        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"))
                .setBody(simple("${body.content}"));
    }
}
