package org.imageproc.catalog;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * Starts a run for the object as read: the RUNNING item, or null when the upload was already processed; a run for an
 * upload older than the item's stops here, superseded.
 */
public class StartExecutionRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("start-execution")).routeId("start-execution")
                .bean("imageCatalog", "start(${variable.event}, ${variable.image}, ${variable.earlySteps})");
    }
}
