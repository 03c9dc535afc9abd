package com.tierupgrade.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.dashboard.DashboardQueries.DayCount;
import com.tierupgrade.dashboard.DashboardSummary.Daily;
import com.tierupgrade.dashboard.DashboardSummary.DailySeries;
import com.tierupgrade.dashboard.DashboardSummary.DimensionCounts;
import com.tierupgrade.dashboard.DashboardSummary.HeldBackReason;
import com.tierupgrade.dashboard.DashboardSummary.ValueCount;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.Ladders;
import com.tierupgrade.rules.engine.RuleSet;

/** Puts the dashboard's SQL aggregates together with the display names of the active rule set's ladders.yaml. */
@ApplicationScoped
public class Dashboard {

    static final int TOP_REASONS = 10;

    private final DashboardQueries queries;
    private final ActiveRuleSet active;

    Dashboard(DashboardQueries queries, ActiveRuleSet active) {
        this.queries = queries;
        this.active = active;
    }

    /** @param days the number of days of the per-day counts, today (in {@code zone}) included */
    public DashboardSummary summary(int days, ZoneId zone) {
        RuleSet ruleSet = active.current();
        Ladders ladders = ruleSet.ladders();
        DashboardQueries.DimensionCounts counts = queries.dimensionCounts();
        List<DimensionCounts> dimensions = ladders.all().stream()
                .map(ladder -> countsOf(ladder, counts.byDimension().getOrDefault(ladder.dimension(), Map.of()),
                        counts.customers()))
                .toList();
        return new DashboardSummary(Instant.now(), ruleSet.version(), counts.customers(), dimensions,
                Funnel.of(ladders.stage(), counts.byDimension().getOrDefault(Ladders.STAGE, Map.of())),
                daily(days, zone), heldBackReasons(ladders.tier()));
    }

    /** The dimensions of the active ladders.yaml with their display names, for pages that show codes. */
    public List<DimensionLabels> labels() {
        return active.current().ladders().all().stream().map(DimensionLabels::of).toList();
    }

    public record DimensionLabels(String dimension, String name, boolean ordered, List<Ladder.Rung> values) {

        static DimensionLabels of(Ladder ladder) {
            return new DimensionLabels(ladder.dimension(), ladder.name(), ladder.ordered(), ladder.rungs());
        }
    }

    private static DimensionCounts countsOf(Ladder ladder, Map<String, Long> byCode, long customers) {
        List<ValueCount> values = new ArrayList<>();
        for (Ladder.Rung rung : ladder.rungs()) {
            values.add(new ValueCount(rung.code(), rung.name(), byCode.getOrDefault(rung.code(), 0L)));
        }
        // Codes stored under an earlier rule set that the active ladders.yaml no longer lists.
        byCode.forEach((code, count) -> {
            if (!ladder.contains(code)) {
                values.add(new ValueCount(code, code, count));
            }
        });
        long withValue = byCode.values().stream().mapToLong(Long::longValue).sum();
        values.add(new ValueCount(null, DashboardSummary.NONE, customers - withValue));
        return new DimensionCounts(ladder.dimension(), ladder.name(), ladder.ordered(), values);
    }

    private Daily daily(int days, ZoneId zone) {
        LocalDate first = LocalDate.now(zone).minusDays(days - 1L);
        List<LocalDate> dates = first.datesUntil(first.plusDays(days)).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            index.put(dates.get(i).toString(), i);
        }
        Map<String, long[]> series = new LinkedHashMap<>();
        List<DayCount> rows = queries.entriesPerDay(first.atStartOfDay(zone).toInstant(), zone.getId());
        for (DayCount row : rows) {
            Integer day = index.get(row.day());
            if (day != null) {
                series.computeIfAbsent(row.dimension() + " " + row.kind(), key -> new long[days])[day] += row.count();
            }
        }
        List<DailySeries> list = series.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            String[] key = entry.getKey().split(" ");
            return new DailySeries(key[0], key[1], Arrays.stream(entry.getValue()).boxed().toList());
        }).toList();
        return new Daily(zone.getId(), dates, list);
    }

    private List<HeldBackReason> heldBackReasons(Ladder tiers) {
        return queries.heldBackReasons(TOP_REASONS).stream().map(reason -> new HeldBackReason(reason.reason(),
                reason.rule(), reason.tiers().stream().sorted(Comparator.comparingInt(tiers::rank))
                        .map(code -> new Ladder.Rung(code, tiers.displayName(code).orElse(code))).toList(),
                reason.customers())).toList();
    }
}
