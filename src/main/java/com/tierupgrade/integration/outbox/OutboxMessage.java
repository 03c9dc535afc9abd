package com.tierupgrade.integration.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One announcement waiting to be (or already) dispatched; its id is the history entry's. */
@Entity
@Table(name = "outbox")
class OutboxMessage {

    @Id
    @Column(name = "history_entry_id")
    Long historyEntryId;

    @Column(name = "customer_id")
    String customerId;

    String dimension;

    String kind;

    @Column(name = "from_value")
    String fromValue;

    @Column(name = "to_value")
    String toValue;

    /** The announcement's JSON, exactly as webhooks and Kafka receive it. */
    @JdbcTypeCode(SqlTypes.JSON)
    String payload;

    @Column(name = "created_at")
    Instant createdAt;
}
