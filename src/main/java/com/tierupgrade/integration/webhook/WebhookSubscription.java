package com.tierupgrade.integration.webhook;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A receiver of announcements: its URL, the secret deliveries are signed with, and which entries it wants. */
@Entity
@Table(name = "webhook_subscription")
class WebhookSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String url;

    String secret;

    String description;

    /** Empty: every dimension. */
    @JdbcTypeCode(SqlTypes.JSON)
    List<String> dimensions;

    /** Empty: every kind. */
    @JdbcTypeCode(SqlTypes.JSON)
    List<String> kinds;

    /** Empty: every value; otherwise entries whose from or to is one of these codes. */
    @Column(name = "\"values\"")
    @JdbcTypeCode(SqlTypes.JSON)
    List<String> values;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "deleted_at")
    Instant deletedAt;
}
