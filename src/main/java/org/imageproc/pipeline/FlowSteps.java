package org.imageproc.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    // walking the routes normalises every endpoint URI: about 10 ms of CPU per image if done for each one
    private volatile Answers answers = new Answers(List.of(), new ConcurrentHashMap<>());

    public FlowSteps(CamelContext context) {
        this.context = context;
    }

    /**
     * The steps after {@code step} up to the next step that writes the item ({@link Steps#WRITES_ITEM}), which
     * records them; none when no such step follows. Worked out again whenever the routes change (a reload).
     */
    @Override
    public List<String> after(String flow, String step) {
        List<Route> routes = context.getRoutes();
        Answers current = answers;
        if (!current.routes().equals(routes)) {
            current = new Answers(routes, new ConcurrentHashMap<>());
            answers = current;
        }
        return current.ahead().computeIfAbsent(flow + '\n' + step, key -> ahead(flow, step));
    }

    private List<String> ahead(String flow, String step) {
        List<Route> steps = steps(flow);
        List<String> ahead = new ArrayList<>();
        boolean past = false;
        for (Route route : steps) {
            if (past && "true".equals(String.valueOf(route.getProperties().get(Steps.WRITES_ITEM)))) {
                return List.copyOf(ahead);
            }
            if (past) {
                ahead.add(route.getRouteId());
            }
            past = past || route.getRouteId().equals(step);
        }
        return List.of();
    }

    /** The answers of {@link #after} for one set of routes (compared by identity: a reloaded route is a new one). */
    private record Answers(List<Route> routes, Map<String, List<String>> ahead) {
    }

    /** The step routes {@code flow} runs, in the order its routes send to them. */
    List<Route> steps(String flow) {
        List<Route> steps = new ArrayList<>();
        collect(context.getRoute(flow), steps, new HashSet<>());
        return steps;
    }

    /** The route among those {@code flow} runs that sends to the step route {@code step} itself; null if none. */
    Route sender(String flow, String step) {
        Map<Route, Route> senders = new HashMap<>();
        collect(context.getRoute(flow), new ArrayList<>(), new HashSet<>(), senders);
        return senders.entrySet().stream().filter(sent -> sent.getKey().getRouteId().equals(step))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private void collect(Route route, List<Route> steps, Set<String> seen) {
        collect(route, steps, seen, new HashMap<>());
    }

    private void collect(Route route, List<Route> steps, Set<String> seen, Map<Route, Route> senders) {
        RouteDefinition definition = route == null ? null
                : context.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition(route.getRouteId());
        if (definition == null || !seen.add(route.getRouteId())) {
            return;
        }
        for (SendDefinition<?> send : ProcessorDefinitionHelper.filterTypeInOutputs(definition.getOutputs(),
                SendDefinition.class)) {
            Route target = consumer(send.getEndpointUri());
            if (target != null && Steps.GROUP.equals(target.getGroup())) {
                steps.add(target);
                senders.putIfAbsent(target, route);
            } else {
                collect(target, steps, seen, senders);
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
