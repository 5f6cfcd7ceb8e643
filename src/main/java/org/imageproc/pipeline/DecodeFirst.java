package org.imageproc.pipeline;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.StartupListener;
import org.imageproc.run.Steps;

/**
 * Refuses, before any consumer starts, a flow that makes the thumbnail or detects labels without decoding the image
 * first: an operator's copy of process-image.yaml from before the decode-image step would fail every image.
 */
public final class DecodeFirst implements StartupListener {

    static final String DECODE = "decode-image";
    private static final List<String> NEEDS_DECODE = List.of("make-thumbnail", "detect-labels");

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        FlowSteps flows = new FlowSteps(context);
        for (Route route : context.getRoutes()) {
            if (!Steps.GROUP.equals(route.getGroup())) {
                check(flows, route, flows.steps(route.getRouteId()).stream().map(Route::getRouteId).toList());
            }
        }
    }

    private static void check(FlowSteps flows, Route flow, List<String> steps) {
        for (String step : steps) {
            if (step.equals(DECODE)) {
                return;
            }
            if (NEEDS_DECODE.contains(step)) {
                Route sender = flows.sender(flow.getRouteId(), step);
                throw new IllegalStateException("Route " + sender.getRouteId() + location(sender)
                        + " calls direct:" + step + " before direct:" + DECODE
                        + ": the thumbnail and the labels start from the image " + DECODE + " makes. Add a step 'to: {uri: direct:" + DECODE + ", variableReceive: working}'"
                        + " after store-metadata, as the built-in process-image.yaml does (a copy of the flow from"
                        + " before that step lacks it)");
            }
        }
    }

    private static String location(Route route) {
        return route.getSourceResource() == null ? "" : " (" + route.getSourceResource().getLocation() + ")";
    }
}
