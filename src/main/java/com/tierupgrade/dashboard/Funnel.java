package com.tierupgrade.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.tierupgrade.dashboard.DashboardSummary.FunnelStep;
import com.tierupgrade.rules.engine.Ladder;

/** The journey funnel: a customer at a stage has passed every lower one, so each step counts its stage and above. */
final class Funnel {

    private Funnel() {
    }

    /** @param atStage customers per stage code (exactly at that stage) */
    static List<FunnelStep> of(Ladder stages, Map<String, Long> atStage) {
        List<Ladder.Rung> rungs = stages.rungs();
        long[] atOrAbove = new long[rungs.size()];
        long running = 0;
        for (int i = rungs.size() - 1; i >= 0; i--) {
            running += atStage.getOrDefault(rungs.get(i).code(), 0L);
            atOrAbove[i] = running;
        }
        List<FunnelStep> steps = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            Double rate = i == 0 || atOrAbove[i - 1] == 0 ? null : (double) atOrAbove[i] / atOrAbove[i - 1];
            steps.add(new FunnelStep(rungs.get(i).code(), rungs.get(i).name(), atOrAbove[i], rate));
        }
        return steps;
    }
}
