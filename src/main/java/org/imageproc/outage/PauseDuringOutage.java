package org.imageproc.outage;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suspends the queue consumer while the queue, the bucket or the tables are unavailable, and resumes it when they
 * answer again: events then wait on the queue without being received, so an outage uses up none of their receives
 * (the queue moves a message to the dead-letter queue after a few). Images already in flight go on retrying.
 */
public final class PauseDuringOutage extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger(PauseDuringOutage.class);

    private final Outages outages;
    private Route route;
    private boolean paused;

    public PauseDuringOutage(Outages outages) {
        this.outages = outages;
        outages.addListener(this::update);
    }

    @Override
    public synchronized void onStart(Route route) {
        this.route = route;
        paused = false;
        update();
    }

    @Override
    public synchronized void onStop(Route route) {
        this.route = null;
    }

    /** Whether the consumer is held now. */
    public synchronized boolean paused() {
        return paused;
    }

    private synchronized void update() {
        if (route == null || route.getCamelContext().isStopping()) {
            return;
        }
        Set<Dependency> away = outages.down().stream().filter(Dependency::probed).collect(Collectors.toSet());
        try {
            if (!away.isEmpty() && !paused) {
                suspendOrStopConsumer(route.getConsumer());
                paused = true;
                LOG.info("Paused {} while {} {} away", route.getRouteId(), titles(away),
                        away.size() == 1 ? "is" : "are");
            } else if (away.isEmpty() && paused) {
                resumeOrStartConsumer(route.getConsumer());
                paused = false;
                LOG.info("Resumed {}", route.getRouteId());
            }
        } catch (Exception e) {
            LOG.warn("Could not {} {}: {}", paused ? "resume" : "pause", route.getRouteId(), e.toString());
        }
    }

    private static String titles(Set<Dependency> dependencies) {
        return dependencies.stream().map(Dependency::title).sorted()
                .map(title -> Character.toLowerCase(title.charAt(0)) + title.substring(1))
                .collect(Collectors.joining(" and "));
    }
}
