package com.tierupgrade.population;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.rules.fact.CutOff;

/** The population cut-offs every evaluation gives the rules: the latest computed. Swapped atomically. */
@ApplicationScoped
public class CurrentCutOffs {

    private final AtomicReference<List<CutOff>> current = new AtomicReference<>(List.of());

    public List<CutOff> current() {
        return current.get();
    }

    void replace(List<CutOff> cutOffs) {
        current.set(List.copyOf(cutOffs));
    }
}
