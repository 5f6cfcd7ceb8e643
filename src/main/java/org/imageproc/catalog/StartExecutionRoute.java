package org.imageproc.catalog;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** Starts a run for an image event: the RUNNING item, or null when the upload was already processed. */
public class StartExecutionRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("start-execution")).routeId("start-execution")
                .bean("imageCatalog", "start");
    }
}
