package com.tierupgrade.web;

/**
 * Too many requests of a kind for now (wrong passwords, rule checks running): answered 429 with {@code Retry-After}.
 * Features extend it or throw it; {@link ErrorMapper} and {@link TooManyRequestsHandler} answer it.
 */
public class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds to wait before trying again, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The TooManyRequests among a failure and its causes, if any. */
    public static TooManyRequests in(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof TooManyRequests tooMany) {
                return tooMany;
            }
        }
        return null;
    }
}
