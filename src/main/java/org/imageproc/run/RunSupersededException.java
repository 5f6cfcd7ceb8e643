package org.imageproc.run;

/**
 * This run no longer owns its item: a newer upload of the key (or a later delivery of the same one) took it over, or
 * the object changed under the run. The run stops without writing, and its message is deleted.
 */
public class RunSupersededException extends RuntimeException {

    public RunSupersededException(String message) {
        super(message, null, false, false);
    }
}
