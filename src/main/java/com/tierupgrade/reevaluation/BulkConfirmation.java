package com.tierupgrade.reevaluation;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A bulk re-evaluation that waits (or waited) for a person, with the what-if counts shown to them. */
@Entity
@Table(name = "bulk_confirmation")
public class BulkConfirmation extends PanacheEntityBase {

    public enum State {
        /** Waiting: new facts use the new rules, stored customers keep their decisions, scheduled runs wait. */
        PENDING,
        /** A person confirmed; the bulk re-evaluation ran. */
        CONFIRMED,
        /** A person decided not to re-evaluate stored customers in bulk with this rule set. */
        DISMISSED,
        /** Another rule set became active before anyone decided. */
        SUPERSEDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "ruleset_version")
    String rulesetVersion;

    @Column(name = "previous_version")
    String previousVersion;

    @Column(name = "requested_at")
    Instant requestedAt;

    @Column(name = "what_if")
    @JdbcTypeCode(SqlTypes.JSON)
    List<WhatIf> whatIf;

    @Enumerated(EnumType.STRING)
    State state;

    @Column(name = "decided_by")
    String decidedBy;

    @Column(name = "decided_at")
    Instant decidedAt;

    String reason;

    BulkConfirmationView view() {
        return new BulkConfirmationView(id, rulesetVersion, previousVersion, requestedAt, whatIf, state, decidedBy,
                decidedAt, reason);
    }
}
