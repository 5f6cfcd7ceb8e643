package org.imageproc.stop;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.engine.DefaultShutdownStrategy;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.RouteStartupOrder;
import org.apache.camel.spi.ShutdownStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's graceful shutdown, which also waits, within the same timeout, for every unit of work to end. Camel counts
 * an exchange out of its route before it runs the exchange's completions, and the SQS consumer deletes the message
 * in one of them: without this wait the route's thread pools are shut down under those deletes, and each
 * interrupted delete is a duplicate delivery after the restart.
 */
final class UnitOfWorkShutdownStrategy extends DefaultShutdownStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(UnitOfWorkShutdownStrategy.class);
    private static final long POLL_MILLIS = 20;

    /** A strategy with the settings of the one it replaces (camel.main.shutdown-* may have been applied to it). */
    static UnitOfWorkShutdownStrategy replacing(ShutdownStrategy current) {
        UnitOfWorkShutdownStrategy strategy = new UnitOfWorkShutdownStrategy();
        strategy.setTimeout(current.getTimeout());
        strategy.setTimeUnit(current.getTimeUnit());
        strategy.setShutdownNowOnTimeout(current.isShutdownNowOnTimeout());
        strategy.setShutdownRoutesInReverseOrder(current.isShutdownRoutesInReverseOrder());
        strategy.setSuppressLoggingOnTimeout(current.isSuppressLoggingOnTimeout());
        strategy.setLogInflightExchangesOnTimeout(current.isLogInflightExchangesOnTimeout());
        strategy.setLoggingLevel(current.getLoggingLevel());
        return strategy;
    }

    @Override
    protected boolean doShutdown(CamelContext context, List<RouteStartupOrder> routes, long timeout, TimeUnit timeUnit,
            boolean suspendOnly, boolean abortAfterTimeout, boolean forceShutdown) throws Exception {
        long deadline = System.nanoTime() + timeUnit.toNanos(timeout);
        boolean completed = super.doShutdown(context, routes, timeout, timeUnit, suspendOnly, abortAfterTimeout,
                forceShutdown);
        // only when the whole context stops: a route stopped alone (a reloaded route file) leaves the others running
        if (completed && !suspendOnly && !hasTimeoutOccurred() && context.isStopping()) {
            awaitUnitsOfWork(context.getInflightRepository(), deadline);
        }
        return completed;
    }

    private static void awaitUnitsOfWork(InflightRepository inflight, long deadline) throws InterruptedException {
        int pending = inflight.size();
        if (pending > 0) {
            LOG.info("Waiting for {} exchanges to complete (their SQS messages are being deleted)", pending);
        }
        while (inflight.size() > 0) {
            if (System.nanoTime() >= deadline) {
                LOG.warn("{} exchanges did not complete within the shutdown timeout; their messages come back after"
                        + " the queue's visibility timeout", inflight.size());
                return;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }
}
