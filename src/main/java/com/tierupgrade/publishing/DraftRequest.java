package com.tierupgrade.publishing;

import java.util.Map;

/**
 * A draft for {@code POST /rulesets/validate} and {@code /simulate}: files that replace the active files of the same
 * name (scenario files as {@code scenarios/<name>.yaml}), or a stored {@code version}; and, to simulate, an
 * {@code asOf} (now when absent).
 */
public record DraftRequest(Map<String, String> files, String version, String asOf) {

    public Map<String, String> filesOrEmpty() {
        return files == null ? Map.of() : files;
    }
}
