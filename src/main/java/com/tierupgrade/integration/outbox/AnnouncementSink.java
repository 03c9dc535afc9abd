package com.tierupgrade.integration.outbox;

/**
 * Where dispatched announcements go next (webhook deliveries, the Kafka queue). Each sink only records the work in
 * the dispatcher's transaction; sending happens later in its own loop, so one slow receiver never holds up another.
 */
public interface AnnouncementSink {

    /** Records the batch's announcements for this sink, in the dispatcher's transaction. */
    void accept(OutboxBatch batch);
}
