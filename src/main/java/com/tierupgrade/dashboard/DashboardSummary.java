package com.tierupgrade.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.tierupgrade.rules.engine.Ladder;

/**
 * What the console's dashboard shows, computed in SQL over the current state and the recent history.
 *
 * @param customers every stored customer
 * @param dimensions per dimension of ladders.yaml, in its order: the customers at each value, lowest first, then
 *        codes no longer in ladders.yaml, then those without a value ("无", code null)
 * @param funnel the journey stages lowest first, each with the customers at or above it
 * @param daily history entries per day of {@code evaluation.recorded_at}, per dimension and kind
 * @param heldBackReasons the reasons customers are held back now (their current {@code held_back}), most customers
 *        first
 */
public record DashboardSummary(Instant generatedAt, String rulesetVersion, long customers,
        List<DimensionCounts> dimensions, List<FunnelStep> funnel, Daily daily, List<HeldBackReason> heldBackReasons) {

    /** Display name of "no value" in every dimension. */
    public static final String NONE = "无";

    public record DimensionCounts(String dimension, String name, boolean ordered, List<ValueCount> values) {
    }

    /** @param code null for the customers without a value in the dimension */
    public record ValueCount(@Schema(nullable = true) String code, String name, long count) {
    }

    /**
     * @param count customers at this stage or a higher one
     * @param rate count divided by the previous step's count; null for the first step or after an empty step
     */
    public record FunnelStep(String code, String name, long count, @Schema(nullable = true) Double rate) {
    }

    /**
     * @param zone the time zone days are cut in
     * @param days every day of the window, oldest first
     * @param series one series per dimension and kind that has an entry in the window, one count per day
     */
    public record Daily(String zone, List<LocalDate> days, List<DailySeries> series) {
    }

    public record DailySeries(String dimension, String kind, List<Long> counts) {
    }

    /** @param tiers the tiers this reason holds customers back from, lowest first */
    public record HeldBackReason(String reason, String rule, List<Ladder.Rung> tiers, long customers) {
    }
}
