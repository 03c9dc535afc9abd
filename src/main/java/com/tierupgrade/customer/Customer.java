package com.tierupgrade.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.HeldBackTier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer's current state: the latest attributes and the latest decision. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public String id;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes = new HashMap<>();

    public String stage;

    @Column(name = "stage_reasons")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> stageReasons = new ArrayList<>();

    public String tier;

    @Column(name = "tier_reasons")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tierReasons = new ArrayList<>();

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
        return Optional.of(Decision.of(stage, stageReasons, tier, tierReasons, heldBack, firedRules,
                rulesetVersion, asOf));
    }

    /** Applies attribute changes (null removes one); answers whether anything changed. */
    boolean mergeAttributes(Map<String, Object> changes) {
        Map<String, Object> merged = new HashMap<>(attributes);
        changes.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        if (Objects.equals(merged, attributes)) {
            return false;
        }
        attributes = merged;
        return true;
    }

    void apply(Decision decision, Instant now) {
        stage = decision.stage();
        stageReasons = decision.stageReasons();
        tier = decision.tier();
        tierReasons = decision.tierReasons();
        heldBack = decision.heldBack();
        firedRules = decision.firedRules();
        rulesetVersion = decision.rulesetVersion();
        asOf = decision.asOf();
        updatedAt = now;
    }
}
