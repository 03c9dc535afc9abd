package com.tierupgrade.cluster;

/** A claimed part of a job: the keys {@code afterKey < key <= upToKey} (no upper bound when null). */
public record Batch(long jobId, int seq, String kind, String rulesetVersion, String afterKey, String upToKey) {
}
