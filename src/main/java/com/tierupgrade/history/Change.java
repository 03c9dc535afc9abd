package com.tierupgrade.history;

import java.util.List;

import com.tierupgrade.decision.Dimension;

/** One change between two decisions, before it is stored. */
public record Change(Dimension dimension, Kind kind, String from, String to, List<String> reasons, String rule) {
}
