package com.tierupgrade.rules.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.Ladders;

/**
 * Rule files name dimensions and their values in text: {@code new Reached("rfm", "IMPORTANT_VALUE", …)}. A misspelt
 * one would compile and fail only when the rule fires, so every name written literally in a rule file is checked
 * against ladders.yaml before the rule set is accepted. (Names a DSL sentence fills in are checked by the scenarios.)
 */
final class LadderReferences {

    private static final Pattern REACHED = Pattern.compile("new\\s+Reached\\s*\\(\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"");
    private static final Pattern SHORTHAND =
            Pattern.compile("new\\s+(StageReached|TierReached|HeldBack)\\s*\\(\\s*\"([^\"]*)\"");
    private static final Pattern WARNING = Pattern.compile("new\\s+Warning\\s*\\(\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]*)\"");

    private LadderReferences() {
    }

    static List<RuleSetInvalid.Problem> check(Map<String, String> ruleFiles, Ladders ladders) {
        List<RuleSetInvalid.Problem> problems = new ArrayList<>();
        ruleFiles.forEach((file, content) -> {
            Matcher reached = REACHED.matcher(content);
            while (reached.find()) {
                value(ladders, reached.group(1), reached.group(2)).ifPresent(message -> problems.add(
                        new RuleSetInvalid.Problem(file, lineOf(content, reached.start()), 0, message)));
            }
            Matcher shorthand = SHORTHAND.matcher(content);
            while (shorthand.find()) {
                String dimension = shorthand.group(1).equals("StageReached") ? Ladders.STAGE : Ladders.TIER;
                value(ladders, dimension, shorthand.group(2)).ifPresent(message -> problems.add(
                        new RuleSetInvalid.Problem(file, lineOf(content, shorthand.start()), 0, message)));
            }
            Matcher warning = WARNING.matcher(content);
            while (warning.find()) {
                if (ladders.of(warning.group(1)).isEmpty()) {
                    problems.add(new RuleSetInvalid.Problem(file, lineOf(content, warning.start()), 0,
                            unknownDimension(ladders, warning.group(1))));
                }
            }
        });
        return problems;
    }

    private static Optional<String> value(Ladders ladders, String dimension, String code) {
        Optional<Ladder> ladder = ladders.of(dimension);
        if (ladder.isEmpty()) {
            return Optional.of(unknownDimension(ladders, dimension));
        }
        if (!ladder.get().contains(code)) {
            return Optional.of("'" + code + "' is not a value of " + dimension + " in "
                    + Ladders.FILE + "; the values are "
                    + ladder.get().rungs().stream().map(Ladder.Rung::code).toList());
        }
        return Optional.empty();
    }

    private static String unknownDimension(Ladders ladders, String dimension) {
        return "'" + dimension + "' is not a dimension of " + Ladders.FILE + "; the dimensions are "
                + ladders.byDimension().keySet();
    }

    /** The 1-based line of an offset in a file: for file:line problems (also used by EventReferences). */
    static int lineOf(String content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
