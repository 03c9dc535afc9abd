package com.tierupgrade.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.tierupgrade.decision.AppliedCutOff;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.DimensionValue;
import com.tierupgrade.decision.HeldBackTier;
import com.tierupgrade.decision.ManualDecision;
import com.tierupgrade.decision.MeasureValue;
import com.tierupgrade.decision.RaisedWarning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer's current state: the latest attributes and the latest decision. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public String id;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes = new HashMap<>();

    /**
     * The code of each dimension that has a value, such as {"stage": "RELIANT", "rfm": "IMPORTANT_VALUE"}, and the
     * codes held in each multi-valued dimension as an array ({"tierRoles": ["SPREADER", "HEAVY_CONSUMER"]}), so
     * one containment query through one GIN index selects on either.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> dimensions = new LinkedHashMap<>();

    /** The operating move of each single-valued dimension's value, when ladders.yaml gives one. */
    @Column(name = "dimension_actions")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> dimensionActions = new LinkedHashMap<>();

    /** Every value held in each multi-valued dimension, with its reasons and action. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<DimensionValue>> roles = new LinkedHashMap<>();

    @Column(name = "dimension_reasons")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<String>> dimensionReasons = new LinkedHashMap<>();

    /**
     * Every dimension's value with what the rules said, what keeps it and the policy state (grace period, steps), also
     * the dimensions whose value is withheld: what the next evaluation continues from.
     */
    @Column(name = "dimension_values")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, DimensionValue> dimensionValues = new LinkedHashMap<>();

    /** The floors, pins and holds in force, as of the last evaluation. */
    @Column(name = "manual_decisions")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ManualDecision> manualDecisions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<MeasureValue> measures = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<RaisedWarning> warnings = new ArrayList<>();

    @Column(name = "cut_offs")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<AppliedCutOff> cutOffs = new ArrayList<>();

    @Column(name = "held_back")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<HeldBackTier> heldBack = new ArrayList<>();

    @Column(name = "fired_rules")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> firedRules = new ArrayList<>();

    @Column(name = "ruleset_version")
    public String rulesetVersion;

    @Column(name = "as_of")
    public Instant asOf;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The decision last stored, empty before the first evaluation. */
    public Optional<Decision> decision() {
        if (rulesetVersion == null) {
            return Optional.empty();
        }
        Map<String, DimensionValue> values = new LinkedHashMap<>();
        Map<String, DimensionValue> withheld = new LinkedHashMap<>();
        dimensions.forEach((dimension, code) -> {
            if (code instanceof String single) {
                DimensionValue stored = dimensionValues.get(dimension);
                String action = dimensionActions.get(dimension);
                if (stored == null || !single.equals(stored.code())) {
                    values.put(dimension, new DimensionValue(single,
                            dimensionReasons.getOrDefault(dimension, List.of()), action));
                } else {
                    values.put(dimension, stored.action() == null && action != null ? stored.withAction(action) : stored);
                }
            }
        });
        dimensionValues.forEach((dimension, value) -> {
            if (value.code() == null) {
                withheld.put(dimension, value);
            }
        });
        return Optional.of(Decision.of(values, roles, heldBack, measures, warnings, cutOffs, firedRules, rulesetVersion,
                asOf, withheld, manualDecisions));
    }

    /** Applies attribute changes (null removes one); answers the attributes whose value changed. */
    List<AttributeChange> mergeAttributes(Map<String, Object> changes) {
        Map<String, Object> merged = new HashMap<>(attributes);
        List<AttributeChange> changed = new ArrayList<>();
        changes.forEach((name, value) -> {
            Object old = value == null ? merged.remove(name) : merged.put(name, value);
            if (!Objects.equals(old, value)) {
                changed.add(new AttributeChange(name, old, value));
            }
        });
        attributes = merged;
        return changed;
    }

    void apply(Decision decision, Instant now) {
        dimensions = new LinkedHashMap<>();
        dimensionReasons = new LinkedHashMap<>();
        dimensionActions = new LinkedHashMap<>();
        dimensionValues = new LinkedHashMap<>(decision.withheld());
        decision.dimensions().forEach((dimension, value) -> {
            dimensions.put(dimension, value.code());
            dimensionReasons.put(dimension, value.reasons());
            dimensionValues.put(dimension, value);
            if (value.action() != null) {
                dimensionActions.put(dimension, value.action());
            }
        });
        decision.roles().forEach((dimension, held) -> dimensions.put(dimension,
                held.stream().map(DimensionValue::code).toList()));
        roles = decision.roles();
        manualDecisions = decision.manual();
        heldBack = decision.heldBack();
        measures = decision.measures();
        warnings = decision.warnings();
        cutOffs = decision.cutOffs();
        firedRules = decision.firedRules();
        rulesetVersion = decision.rulesetVersion();
        asOf = decision.asOf();
        updatedAt = now;
    }
}
