package org.imageproc.web;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/** The REST API's common setup: under {@code /api} on the embedded HTTP server, JSON in and out, OpenAPI described. */
public class ApiConfiguration extends RouteBuilder {

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .contextPath("/api")
                .bindingMode(RestBindingMode.json)
                .apiContextPath("/openapi.json")
                .apiContextRouteId("get-openapi")
                .apiProperty("api.title", "imageproc web API")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", "Albums, uploads and processed photos of the demo user named in "
                        + "the X-Demo-User header");
    }
}
