package com.tierupgrade.decision;

/** A tier whose condition holds but that a filter rule blocks, with the filter's reason and name. */
public record HeldBackTier(String tier, String reason, String rule) {
}
