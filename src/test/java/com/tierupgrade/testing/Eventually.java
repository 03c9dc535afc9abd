package com.tierupgrade.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something that happens in the background (deliveries, consumed messages). */
public final class Eventually {

    private Eventually() {
    }

    public static void await(Duration limit, BooleanSupplier done, Supplier<String> whatWasSeen) {
        Instant deadline = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not done within " + limit + "; seen: " + whatWasSeen.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
