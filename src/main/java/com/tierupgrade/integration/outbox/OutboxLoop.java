package com.tierupgrade.integration.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.tierupgrade.integration.Loop;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Runs the dispatcher in the background from start-up to shutdown. */
@ApplicationScoped
class OutboxLoop {

    private static final int BATCH = 500;

    private final OutboxDispatcher dispatcher;
    private final Duration pollInterval;
    private Loop loop;

    OutboxLoop(OutboxDispatcher dispatcher,
            @ConfigProperty(name = "tierup.outbox.poll-interval", defaultValue = "200ms") Duration pollInterval) {
        this.dispatcher = dispatcher;
        this.pollInterval = pollInterval;
    }

    void start(@Observes StartupEvent started) {
        loop = Loop.start("outbox-dispatcher", pollInterval, () -> dispatcher.dispatch(BATCH));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop();
        }
    }
}
