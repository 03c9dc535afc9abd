package com.tierupgrade.decision;

import java.util.List;

/** The value of one dimension (a code of ladders.yaml) and the reasons the rules gave for it. */
public record DimensionValue(String code, List<String> reasons) {

    public DimensionValue {
        reasons = List.copyOf(reasons);
    }
}
