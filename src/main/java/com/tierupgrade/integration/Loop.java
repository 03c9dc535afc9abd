package com.tierupgrade.integration;

import java.time.Duration;
import java.util.function.IntSupplier;

import org.jboss.logging.Logger;

/**
 * A background thread that repeats a step: again at once while the step finds work, after {@code idle} when it
 * found none, and after a pause when it failed (a database or broker outage must not spin the CPU or stop the loop).
 */
public final class Loop {

    private static final Logger LOG = Logger.getLogger(Loop.class);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(2);

    private final Thread thread;
    private volatile boolean running = true;

    private Loop(String name, Duration idle, IntSupplier step) {
        this.thread = new Thread(() -> run(name, idle, step), name);
        this.thread.setDaemon(true);
    }

    /** Starts a loop; {@code step} returns how much work it did (0 when there was none). */
    public static Loop start(String name, Duration idle, IntSupplier step) {
        Loop loop = new Loop(name, idle, step);
        loop.thread.start();
        return loop;
    }

    private void run(String name, Duration idle, IntSupplier step) {
        Duration failurePause = AFTER_FAILURE.compareTo(idle) > 0 ? AFTER_FAILURE : idle;
        while (running) {
            try {
                if (step.getAsInt() == 0) {
                    Thread.sleep(idle.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s failed, trying again in %s: %s", name, failurePause, e.toString());
                try {
                    Thread.sleep(failurePause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Asks the loop to end and waits for the current step to finish. */
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
