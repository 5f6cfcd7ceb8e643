package org.imageproc.outage;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.apache.camel.Route;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suspends the queue consumer while the queue, the bucket or the tables are unavailable, and resumes it when they
 * answer again: events then wait on the queue without being received, so an outage uses up none of their receives
 * (the queue moves a message to the dead-letter queue after a few). Images already in flight go on retrying; the rest
 * of a batch received before the pause goes back to the queue ({@link #admit}).
 */
public final class PauseDuringOutage extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger(PauseDuringOutage.class);

    private final Outages outages;
    private final Consumer<String> releaseNow;
    private Route route;
    private boolean paused;

    /** @param releaseNow makes a received message (by receipt handle) visible again at once */
    public PauseDuringOutage(Outages outages, Consumer<String> releaseNow) {
        this.outages = outages;
        this.releaseNow = releaseNow;
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

    /**
     * Lets a received message in, unless the consumer paused since it was received: the rest of a batch received
     * before the pause goes back to the queue (made visible again at once) instead of each waiting through its
     * retries in place.
     */
    @Handler
    public void admit(@Header(Sqs2Constants.RECEIPT_HANDLE) String receiptHandle) {
        if (paused()) {
            releaseNow.accept(receiptHandle);
            throw new EventHeldBack("Held back while " + titles(outages.down().stream().filter(Dependency::probed)
                    .collect(Collectors.toSet())) + " is away");
        }
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
