package com.tierupgrade.explanation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.tierupgrade.history.Cause;
import com.tierupgrade.web.OpenEnums;

/**
 * A decision or a history entry told in plain Chinese, whole ({@code text}) and sentence by sentence.
 *
 * @param entryId the history entry explained; null for a customer's current decision
 * @param cause why the evaluation ran; null when it is not recorded (the current decision of an evaluation that
 *        changed nothing)
 * @param summary the first sentence
 * @param text every sentence, in order, as one paragraph to paste into a report
 */
public record Explanation(String customerId, @Schema(nullable = true) Long entryId, Instant asOf,
        String rulesetVersion, @Schema(nullable = true) Cause cause, String summary, List<Sentence> sentences,
        String text) {

    /** What a sentence is about. */
    @Schema(description = "What a sentence is about. Open: more topics may come.",
            extensions = @Extension(name = OpenEnums.EXTENSION, value = "true"))
    public enum Topic {
        SUMMARY, DIMENSION, REASONS, HELD_BACK, WARNING, MEASURES, CUT_OFFS, RULES, CONTEXT
    }

    /** @param dimension the dimension a DIMENSION, REASONS, HELD_BACK or WARNING sentence is about, else null */
    public record Sentence(Topic topic, @Schema(nullable = true) String dimension, String text) {
    }
}
