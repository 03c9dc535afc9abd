package com.tierupgrade.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.tierupgrade.decision.AppliedCutOff;
import com.tierupgrade.decision.MeasureValue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An evaluation that changed something: the facts it saw, the values and cut-offs the rules used, the rules that
 * fired, the rule-set version.
 */
@Entity
@Immutable
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "customer_id")
    String customerId;

    @Column(name = "as_of")
    Instant asOf;

    @Enumerated(EnumType.STRING)
    Cause cause;

    @Column(name = "ruleset_version")
    String rulesetVersion;

    @Column(name = "fired_rules")
    @JdbcTypeCode(SqlTypes.JSON)
    List<String> firedRules;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> facts;

    @JdbcTypeCode(SqlTypes.JSON)
    List<MeasureValue> measures;

    @Column(name = "cut_offs")
    @JdbcTypeCode(SqlTypes.JSON)
    List<AppliedCutOff> cutOffs;

    @Column(name = "recorded_at")
    Instant recordedAt;
}
