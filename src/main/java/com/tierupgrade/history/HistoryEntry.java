package com.tierupgrade.history;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a dimension, one held-back upgrade or one warning, with its reasons. */
@Entity
@Immutable
@Table(name = "history_entry")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evaluation_id")
    Evaluation evaluation;

    @Column(name = "customer_id")
    String customerId;

    String dimension;

    @Enumerated(EnumType.STRING)
    Kind kind;

    @Column(name = "from_value")
    String fromValue;

    @Column(name = "to_value")
    String toValue;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> reasons;

    String rule;

    String warning;

    /** For OVERRIDE, HOLD, RELEASE: who decided (null when a manual decision expired). */
    String author;

    /** For OVERRIDE, HOLD, RELEASE: FLOOR, PIN or HOLD. */
    @Column(name = "manual")
    String manual;

    @Column(name = "expires_at")
    Instant expiresAt;

    // Copied from the evaluation, so that GET /history filters on the entry's own indexes.
    @Column(name = "as_of")
    Instant asOf;

    @Enumerated(EnumType.STRING)
    Cause cause;

    @Column(name = "ruleset_version")
    String rulesetVersion;
}
