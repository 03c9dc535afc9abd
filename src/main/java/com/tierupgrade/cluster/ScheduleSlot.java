package com.tierupgrade.cluster;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * The slot of a schedule that an instant falls in: the same for every instance, so the first instance to run a
 * scheduled job in a slot makes it and the others find it made (the slot is part of the job's key).
 */
public final class ScheduleSlot {

    private ScheduleSlot() {
    }

    /** The start of the slot of length {@code every} (as in {@code @Scheduled(every = …)}) that holds {@code at}. */
    public static Instant of(String every, Instant at) {
        long length = DurationConverter.parseDuration(every).toMillis();
        return Instant.ofEpochMilli(at.toEpochMilli() / length * length);
    }

    /** The same for a duration. */
    public static Instant of(Duration every, Instant at) {
        long length = every.toMillis();
        return Instant.ofEpochMilli(at.toEpochMilli() / length * length);
    }
}
