package com.tierupgrade.publishing;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Runs rule-set checks (compile + scenarios) each on a thread of its own, at most {@code permits} at once, and waits
 * for each at most {@code timeout}: a caller (an HTTP request, the folder watcher) always gets an answer in time.
 * A check that runs over is interrupted (the evaluation budget halts the rules between firings); one that still
 * runs after a grace period is stopped outright, so that no core stays busy with it for good.
 */
final class BoundedChecks {

    /** A check that did not finish in time. */
    static final class TimedOut extends Exception {

        TimedOut(String message) {
            super(message, null, false, false);
        }
    }

    /** No permit came free in time: too many checks are running. */
    static final class Busy extends Exception {

        Busy(String message) {
            super(message, null, false, false);
        }
    }

    private static final Logger LOG = Logger.getLogger(BoundedChecks.class);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final String name;
    private final Semaphore permits;
    private final Duration timeout;
    private final AtomicInteger started = new AtomicInteger();
    /** Threads of checks that ran over and have not ended yet. */
    private final AtomicInteger overrunning = new AtomicInteger();

    BoundedChecks(String name, int permits, Duration timeout) {
        this.name = name;
        this.permits = new Semaphore(permits);
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** How many checks ran over their time and are still running (0 unless a thread could not be stopped). */
    int overrunning() {
        return overrunning.get();
    }

    <T> T run(Supplier<T> check) throws TimedOut, Busy {
        long waitStart = System.nanoTime();
        try {
            if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy(permits.availablePermits() + " of the " + name + " checks free: every one is "
                        + "running; try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while waiting for a free " + name + " check");
        }
        FutureTask<T> task = new FutureTask<>(check::get);
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } finally {
                permits.release();
            }
        }, name + "-check-" + started.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        long left = timeout.toNanos() - (System.nanoTime() - waitStart);
        try {
            return task.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            end(thread);
            throw new TimedOut("the check did not finish within " + timeout.toSeconds()
                    + " s (tierup.rules.check-timeout) and was stopped");
        } catch (InterruptedException e) {
            end(thread);
            Thread.currentThread().interrupt();
            throw new TimedOut("the check was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Interrupts the check's thread, and stops it if it is still running after the grace period. */
    @SuppressWarnings({"deprecation", "removal"})
    private void end(Thread thread) {
        thread.interrupt();
        try {
            thread.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            return;
        }
        LOG.warnf("%s did not stop when interrupted; stopping it", thread.getName());
        try {
            thread.stop(); // Java 17: ThreadDeath unwinds the check; its finally blocks still run
        } catch (UnsupportedOperationException e) {
            LOG.errorf("%s cannot be stopped on this Java version and keeps running", thread.getName());
        }
        overrunning.incrementAndGet();
        Thread watcher = new Thread(() -> {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            overrunning.decrementAndGet();
        }, thread.getName() + "-end");
        watcher.setDaemon(true);
        watcher.start();
    }
}
