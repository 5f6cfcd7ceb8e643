package org.imageproc.observe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.util.ObjectHelper;
import org.imageproc.run.Execution;
import org.imageproc.run.RunSupersededException;
import org.imageproc.run.Steps;
import org.imageproc.run.Variables;

/** Feeds {@link PipelineMetrics}: the flow route's runs and their outcome, and every step route's duration. */
final class MetricsPolicyFactory implements RoutePolicyFactory {

    /** The route id of the processing flow (routes/process-image.yaml). */
    static final String FLOW = "process-image";

    // by execution id: the innermost step sees a failure first, and parallel branches work on copies of the exchange
    private final Map<String, String> failedSteps = new ConcurrentHashMap<>();

    private final PipelineMetrics metrics;
    private final MBeans mbeans;
    private final Clock clock;

    MetricsPolicyFactory(PipelineMetrics metrics, MBeans mbeans, Clock clock) {
        this.metrics = metrics;
        this.mbeans = mbeans;
        this.clock = clock;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (FLOW.equals(routeId)) {
            return new RunOutcomes();
        }
        if (route instanceof RouteDefinition definition && Steps.GROUP.equals(definition.getGroup())) {
            mbeans.registerStep(routeId, new StepView(metrics, routeId));
            return new StepDurations();
        }
        return null;
    }

    /** Counts each run of the flow by how it ended. */
    private final class RunOutcomes extends RoutePolicySupport {

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            metrics.runStarted();
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            Execution execution = exchange.getVariable(Variables.EXECUTION, Execution.class);
            String failedStep = execution == null ? null : failedSteps.remove(execution.executionId());
            Throwable failure = exchange.getException() != null
                    ? exchange.getException() : exchange.getVariable(Variables.FAILURE, Throwable.class);
            // a run that left its message to a later delivery of the same event fails on purpose
            if (failure == null && exchange.getVariable(Variables.SUPERSEDED) != null
                    || ObjectHelper.getException(RunSupersededException.class, failure) != null) {
                metrics.runSuperseded();
            } else if (failure != null) {
                metrics.runFailed(execution == null ? "" : execution.imageId(), failedStep == null ? "" : failedStep,
                        failure);
            } else if (execution == null) {
                metrics.runDuplicate();
            } else {
                metrics.runSucceeded();
            }
        }
    }

    /** Times each step route. */
    private final class StepDurations extends RoutePolicySupport {

        private static final String STARTED_AT = "imageproc.metricsStartedAt.";

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            exchange.setProperty(STARTED_AT + route.getRouteId(), clock.instant());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            Instant startedAt = exchange.getProperty(STARTED_AT + route.getRouteId(), Instant.class);
            if (startedAt == null) {
                return;
            }
            boolean failed = Steps.failure(exchange) != null;
            Execution execution = exchange.getVariable(Variables.EXECUTION, Execution.class);
            if (failed && execution != null) {
                failedSteps.putIfAbsent(execution.executionId(), route.getRouteId());
            }
            metrics.stepFinished(route.getRouteId(), failed, Duration.between(startedAt, clock.instant()));
        }
    }
}
