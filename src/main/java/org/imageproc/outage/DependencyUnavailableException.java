package org.imageproc.outage;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * An AWS call that got no answer, or only "unavailable" or "slow down", even after the SDK's own quick attempts: the
 * service behind it is away, not the request wrong. It stays an {@link SdkClientException}, so whatever retries SDK
 * failures retries it; the original failure is its cause.
 */
public final class DependencyUnavailableException extends SdkClientException {

    private final transient Dependency dependency;
    private final String reason;

    private DependencyUnavailableException(Dependency dependency, String reason, Throwable cause) {
        super(SdkClientException.builder().message(dependency.title() + " is unavailable: " + reason).cause(cause));
        this.dependency = dependency;
        this.reason = reason;
    }

    static DependencyUnavailableException of(Dependency dependency, String reason, Throwable cause) {
        return new DependencyUnavailableException(dependency, reason, cause);
    }

    public Dependency dependency() {
        return dependency;
    }

    /** What went wrong in a few words ("Connection refused", "SlowDown: Please reduce your request rate."). */
    public String reason() {
        return reason;
    }

    /** The first {@link DependencyUnavailableException} in the cause chain, or null. */
    public static DependencyUnavailableException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DependencyUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }
}
