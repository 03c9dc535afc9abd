package com.tierupgrade.integration.kafka;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Kafka in and out; nothing Kafka runs unless {@code bootstrap-servers} is set (docs/integration.md). */
@ConfigMapping(prefix = "tierup.kafka")
public interface KafkaConfig {

    /** host:port[,host:port…] of the brokers; empty: no Kafka at all. */
    Optional<String> bootstrapServers();

    /** Publish announcements to {@link #announcementsTopic()}. */
    @WithDefault("true")
    boolean publishAnnouncements();

    /** Announcements, one per history entry, keyed by customer id. */
    @WithDefault("tierup.announcements")
    String announcementsTopic();

    /** Consume facts from {@link #factsTopic()}. */
    @WithDefault("true")
    boolean consumeFacts();

    /** Facts, the JSON body of POST /customers/{id}/facts, keyed by customer id. */
    @WithDefault("tierup.facts")
    String factsTopic();

    /** Facts messages that cannot be accepted, with the reason in the header {@code tierup-error}. */
    @WithDefault("tierup.facts.dead-letters")
    String factsDeadLetterTopic();

    /** The consumer group of every instance of the service. */
    @WithDefault("tier-upgrade")
    String groupId();

    /** Consumer threads per instance (each takes some of the topic's partitions). */
    @WithDefault("2")
    int consumers();

    default boolean configured() {
        return bootstrapServers().filter(servers -> !servers.isBlank()).isPresent();
    }
}
