package com.tierupgrade.rules;

import java.util.List;
import java.util.Optional;

/** The ordered values of one dimension (stage or tier), lowest first, as declared in the rules directory. */
public record Ladder(List<Rung> rungs) {

    public record Rung(String code, String name) {
    }

    public Ladder {
        rungs = List.copyOf(rungs);
    }

    public boolean contains(String code) {
        return rank(code) >= 0;
    }

    /** Position of the code, lowest 0; -1 for null (no value) or an unknown code. */
    public int rank(String code) {
        for (int i = 0; i < rungs.size(); i++) {
            if (rungs.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<String> displayName(String code) {
        return rungs.stream().filter(rung -> rung.code().equals(code)).map(Rung::name).findFirst();
    }
}
