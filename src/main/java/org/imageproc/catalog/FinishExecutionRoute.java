package org.imageproc.catalog;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.Steps;

/**
 * The finish-execution step: if the object is still the one the run read, labels and thumbnail on the item in one
 * update, and the run SUCCEEDED; the body becomes the {@link ImageSucceeded}.
 */
public class FinishExecutionRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("finish-execution")).routeId("finish-execution").routeGroup(Steps.GROUP)
                .bean("imageCatalog", "requireCurrent(${variable.execution})")
                .bean("imageCatalog",
                        "finish(${variable.execution}, ${variable.metadata}, ${variable.labels}, ${variable.thumbnail},"
                                + " ${routeId})");
    }
}
