package com.tierupgrade.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.dashboard.DashboardSummary.FunnelStep;
import com.tierupgrade.rules.engine.Ladder;

class FunnelTest {

    private static final Ladder STAGES = new Ladder("stage", "stage", true, List.of(
            new Ladder.Rung("FAMILIAR", "熟悉"), new Ladder.Rung("COGNIZANT", "认知"),
            new Ladder.Rung("TRUSTING", "信赖"), new Ladder.Rung("RELIANT", "依靠")));

    @Test
    void shouldCountEachStepWithEveryHigherStage() {
        List<FunnelStep> steps = Funnel.of(STAGES, Map.of("FAMILIAR", 50L, "COGNIZANT", 20L, "TRUSTING", 20L,
                "RELIANT", 10L));

        assertEquals(List.of("熟悉", "认知", "信赖", "依靠"), steps.stream().map(FunnelStep::name).toList());
        assertEquals(List.of(100L, 50L, 30L, 10L), steps.stream().map(FunnelStep::count).toList());
        assertNull(steps.get(0).rate());
        assertEquals(0.5, steps.get(1).rate());
        assertEquals(0.6, steps.get(2).rate());
        assertEquals(1.0 / 3, steps.get(3).rate());
    }

    @Test
    void shouldGiveNoRateAfterAnEmptyStep() {
        List<FunnelStep> steps = Funnel.of(STAGES, Map.of("UNKNOWN", 5L));

        assertEquals(List.of(0L, 0L, 0L, 0L), steps.stream().map(FunnelStep::count).toList());
        steps.forEach(step -> assertNull(step.rate()));
    }
}
