package org.imageproc.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.imageproc.run.Failure;
import org.imageproc.run.RunStatus;
import org.imageproc.run.StepListener;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Steps;

/**
 * The one timer of the step routes: every route in the {@link Steps#GROUP} group, whatever its id and DSL, is timed
 * once, and each {@link StepListener} (the item's step record, the metrics) hears the same record.
 */
public final class StepTimer implements RoutePolicyFactory {

    private static final String STARTED_AT = "imageproc.stepStartedAt.";

    private final Clock clock;
    private final List<StepListener> listeners = new CopyOnWriteArrayList<>();

    public StepTimer(Clock clock) {
        this.clock = clock;
    }

    public void addListener(StepListener listener) {
        listeners.add(listener);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (route instanceof RouteDefinition definition && Steps.GROUP.equals(definition.getGroup())) {
            return new Timing();
        }
        return null;
    }

    /** Times one step route. */
    private final class Timing extends RoutePolicySupport {

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            Instant now = clock.instant();
            exchange.setProperty(STARTED_AT + route.getRouteId(), now);
            exchange.removeProperty(Steps.SKIPPED);
            listeners.forEach(listener -> listener.stepStarted(exchange, route.getRouteId(), now));
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            Instant startedAt = exchange.getProperty(STARTED_AT + route.getRouteId(), Instant.class);
            if (startedAt == null) {
                return;
            }
            Throwable failure = Steps.failure(exchange);
            RunStatus status = failure != null ? RunStatus.FAILED
                    : exchange.getProperty(Steps.SKIPPED, false, Boolean.class) ? RunStatus.SKIPPED : RunStatus.SUCCEEDED;
            StepRecord step = new StepRecord(route.getRouteId(), status.name(), startedAt,
                    Duration.between(startedAt, clock.instant()).toMillis(),
                    failure == null ? null : Failure.of(failure).cause());
            listeners.forEach(listener -> listener.stepFinished(exchange, step, failure));
        }
    }
}
