package com.tierupgrade.population;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.cluster.Batch;
import com.tierupgrade.cluster.BatchHandler;

/** The one batch of a scheduled cut-off job: every cut-off computed over all customers and stored. */
@ApplicationScoped
public class CutOffBatch implements BatchHandler {

    private final PopulationCutOffs cutOffs;

    CutOffBatch(PopulationCutOffs cutOffs) {
        this.cutOffs = cutOffs;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(CutOffSchedule.KIND);
    }

    @Override
    public Done process(Batch batch) {
        return new Done((int) cutOffs.recompute(Instant.now()).stream()
                .mapToLong(cutOff -> cutOff.getPopulation()).max().orElse(0), 0);
    }
}
