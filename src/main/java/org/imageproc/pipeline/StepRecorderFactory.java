package org.imageproc.pipeline;

import org.imageproc.run.Steps;
import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.outage.Outages;

/** Gives every route in the {@link Steps#GROUP} group a {@link StepRecorder}, whichever DSL defined it. */
public class StepRecorderFactory implements RoutePolicyFactory {

    private final ImageCatalog catalog;
    private final Clock clock;
    private final Outages outages;

    public StepRecorderFactory(ImageCatalog catalog, Clock clock, Outages outages) {
        this.catalog = catalog;
        this.clock = clock;
        this.outages = outages;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (route instanceof RouteDefinition definition && Steps.GROUP.equals(definition.getGroup())) {
            return new StepRecorder(catalog, clock, outages);
        }
        return null;
    }
}
