package org.imageproc.observe;

import java.time.Duration;
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
import org.imageproc.run.StepListener;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Steps;
import org.imageproc.run.Variables;

/**
 * Feeds {@link PipelineMetrics}: the flow's runs and their outcome (the flow is the route that consumes
 * {@code direct:process-image}, whatever its id), and every step's duration as the one {@link StepListener} timer
 * reports it.
 */
final class MetricsPolicyFactory implements RoutePolicyFactory, StepListener {

    /** The endpoint the processing flow (routes/process-image.yaml) consumes; the ingest route sends each event there. */
    static final String FLOW_ENDPOINT = "direct:process-image";

    // by execution id: the innermost step sees a failure first, and parallel branches work on copies of the exchange
    private final Map<String, String> failedSteps = new ConcurrentHashMap<>();

    private final PipelineMetrics metrics;
    private final MBeans mbeans;

    MetricsPolicyFactory(PipelineMetrics metrics, MBeans mbeans) {
        this.metrics = metrics;
        this.mbeans = mbeans;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (!(route instanceof RouteDefinition definition)) {
            return null;
        }
        if (isFlow(definition)) {
            return new RunOutcomes();
        }
        if (Steps.GROUP.equals(definition.getGroup())) {
            mbeans.registerStep(routeId, new StepView(metrics, routeId));
        }
        return null;
    }

    static boolean isFlow(RouteDefinition route) {
        String uri = route.getInput() == null ? null : route.getInput().getEndpointUri();
        return uri != null && FLOW_ENDPOINT.equals(uri.replace("direct://", "direct:"));
    }

    @Override
    public void stepFinished(Exchange exchange, StepRecord step, Throwable failure) {
        Execution execution = exchange.getVariable(Variables.EXECUTION, Execution.class);
        if (failure != null && execution != null) {
            failedSteps.putIfAbsent(execution.executionId(), step.step());
        }
        metrics.stepFinished(step.step(), failure != null, Duration.ofMillis(step.durationMs()));
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
}
