package com.tierupgrade.decision;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The value of one dimension (a code of ladders.yaml), the reasons the rules gave for it, and the operating move
 * ladders.yaml declares for it (null when none).
 */
public record DimensionValue(String code, List<String> reasons, @Schema(nullable = true) String action) {

    public DimensionValue {
        reasons = List.copyOf(reasons);
    }

    public DimensionValue(String code, List<String> reasons) {
        this(code, reasons, null);
    }
}
