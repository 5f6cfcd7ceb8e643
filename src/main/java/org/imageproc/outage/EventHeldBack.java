package org.imageproc.outage;

/**
 * A message received just before the consumer paused, not started: it goes back to the queue untouched, to be taken
 * again once the service it needs is back, rather than wait through its retries in place now.
 */
public class EventHeldBack extends RuntimeException {

    public EventHeldBack(String message) {
        super(message, null, false, false);
    }
}
