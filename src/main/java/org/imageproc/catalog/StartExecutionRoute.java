package org.imageproc.catalog;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * Starts a run for the object as read: the RUNNING item, or null when the upload was already processed; a run for an
 * upload older than the item's stops here, superseded.
 */
public class StartExecutionRoute extends EndpointRouteBuilder {

    @BeanInject
    StartExecution startExecution;

    @Override
    public void configure() {
        from(direct("start-execution")).routeId("start-execution")
                .bean(startExecution);
    }
}
