package com.tierupgrade.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A check that never ends is given up on in time, and its thread does not keep burning a core. */
class BoundedChecksTest {

    @Test
    void shouldAnswerWithinTheTimeoutAndStopAThreadThatIgnoresInterrupts() throws Exception {
        BoundedChecks checks = new BoundedChecks("test", 1, Duration.ofMillis(300));
        AtomicBoolean spinning = new AtomicBoolean();
        AtomicLong spins = new AtomicLong();
        long start = System.nanoTime();
        assertThrows(BoundedChecks.TimedOut.class, () -> checks.run(() -> {
            spinning.set(true);
            while (spinning.get()) { // ignores interrupts, as a hostile consequence would
                spins.incrementAndGet();
            }
            return null;
        }));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        // Thread.stop is asynchronous: give the stopped thread up to 5 s to die, then it must not spin any more.
        long after = spins.get();
        for (int i = 0; i < 25; i++) {
            Thread.sleep(200);
            long now = spins.get();
            if (now == after) {
                break;
            }
            after = now;
        }
        Thread.sleep(200);
        assertEquals(after, spins.get(), "the stopped check still runs");
        // the permit came back: the next check runs
        assertEquals("ok", checks.run(() -> "ok"));
        for (int i = 0; i < 50 && checks.overrunning() > 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(0, checks.overrunning());
    }

    @Test
    void shouldEndAnInterruptibleCheckWithoutStoppingIt() throws Exception {
        BoundedChecks checks = new BoundedChecks("test", 1, Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThrows(BoundedChecks.TimedOut.class, () -> checks.run(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            return null;
        }));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
        assertEquals("next", checks.run(() -> "next"));
    }

    @Test
    void shouldPassOnWhatTheCheckThrows() {
        BoundedChecks checks = new BoundedChecks("test", 1, Duration.ofSeconds(5));
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> checks.run(() -> {
                    throw new IllegalArgumentException("bad");
                }));
        assertEquals("bad", thrown.getMessage());
    }
}
