package com.tierupgrade.audience;

import java.time.Instant;
import java.util.List;

/** Criteria that must all hold, with the time their windows are counted back from. */
record AudienceQuery(List<Criterion> criteria, Instant asOf) {
}
