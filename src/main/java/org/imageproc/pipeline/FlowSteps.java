package org.imageproc.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.support.EndpointHelper;
import org.imageproc.run.Steps;
import org.imageproc.run.StepsAhead;

/**
 * Reads from the routes as they run which steps a flow has, in order: every route of the {@link Steps#GROUP} group it
 * sends to, through the routes between (the queue's consumer calls process-image), whatever their ids. A step added
 * to the flow, or a flow edited in a routes directory, is followed without a list to keep.
 */
public final class FlowSteps implements StepsAhead {

    private final CamelContext context;

    public FlowSteps(CamelContext context) {
        this.context = context;
    }

    /** The steps after {@code step}, short of the flow's last: that one writes its own record with the results. */
    @Override
    public List<String> after(String flow, String step) {
        List<String> steps = steps(flow);
        int at = steps.indexOf(step);
        return at < 0 || at + 1 >= steps.size() - 1 ? List.of() : List.copyOf(steps.subList(at + 1, steps.size() - 1));
    }

    /** The step route ids {@code flow} runs, in the order its routes send to them. */
    List<String> steps(String flow) {
        List<String> steps = new ArrayList<>();
        collect(context.getRoute(flow), steps, new HashSet<>());
        return steps;
    }

    private void collect(Route route, List<String> steps, Set<String> seen) {
        RouteDefinition definition = route == null ? null
                : context.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition(route.getRouteId());
        if (definition == null || !seen.add(route.getRouteId())) {
            return;
        }
        for (SendDefinition<?> send : ProcessorDefinitionHelper.filterTypeInOutputs(definition.getOutputs(),
                SendDefinition.class)) {
            Route target = consumer(send.getEndpointUri());
            if (target != null && Steps.GROUP.equals(target.getGroup())) {
                steps.add(target.getRouteId());
            } else {
                collect(target, steps, seen);
            }
        }
    }

    /** The route that consumes from {@code uri}, if any. */
    private Route consumer(String uri) {
        if (uri == null) {
            return null;
        }
        String endpoint = EndpointHelper.normalizeEndpointUri(context.resolvePropertyPlaceholders(uri));
        return context.getRoutes().stream()
                .filter(route -> EndpointHelper.normalizeEndpointUri(route.getEndpoint().getEndpointUri())
                        .equals(endpoint))
                .findFirst().orElse(null);
    }
}
