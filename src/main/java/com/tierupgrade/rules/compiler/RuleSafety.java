package com.tierupgrade.rules.compiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;


import com.tierupgrade.rules.compiler.RuleSetInvalid.Problem;

/**
 * Refuses rule files that reach outside the fact model. DRL can call any Java, so every name a rule file uses must be
 * on an allow-list: the fact classes, java.lang text and numbers, java.time, java.math, java.util collections and the
 * types the rule files declare themselves. The check reads the text the way Java does: comments are skipped, string
 * literals are data, everything else is code; Chinese text is not code and is skipped.
 */
public final class RuleSafety {

    private RuleSafety() {
    }

    /** The problems of one rule file (.drl, .dslr or .dsl); empty when it is safe to compile. */
    public static List<Problem> check(String fileName, String content) {
        return check(fileName, content, Set.of());
    }

    /**
     * The problems of all the rule files of a rule set (other files are ignored). Types declared in one file may be
     * used in another. When every file is safe on its own, each .dslr is also checked after the .dsl mappings are
     * applied to it, as the compiler will: a sentence and a mapping that are harmless apart can make code together.
     */
    public static List<Problem> check(Map<String, String> files) {
        Map<String, String> ruleFiles = new TreeMap<>();
        files.forEach((name, content) -> {
            if (name.endsWith(".drl") || name.endsWith(".dslr") || name.endsWith(".dsl")) {
                ruleFiles.put(name, content);
            }
        });
        Set<String> declared = new HashSet<>();
        ruleFiles.forEach((name, content) -> declared.addAll(new RuleScanner(name, content, Set.of()).declared()));
        List<Problem> problems = new ArrayList<>();
        ruleFiles.forEach((name, content) -> problems.addAll(check(name, content, declared)));
        if (problems.isEmpty()) {
            ruleFiles.forEach((name, content) -> {
                if (name.endsWith(".dslr")) {
                    problems.addAll(checkExpanded(name, content, ruleFiles, declared));
                }
            });
        }
        return problems;
    }

    private static List<Problem> check(String fileName, String content, Set<String> declaredElsewhere) {
        RuleScanner scan = new RuleScanner(fileName, content, declaredElsewhere);
        scan.checkNames();
        return scan.problems().stream().distinct()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)).toList();
    }

    private static List<Problem> checkExpanded(String name, String dslr, Map<String, String> ruleFiles,
            Set<String> declared) {
        // when the expander cannot read a sentence, the compiler reports it with its line
        return DslExpansion.expand(dslr, ruleFiles).map(expanded -> check(name, expanded, declared).stream()
                .map(p -> new Problem(p.file(), p.line(), p.column(), "with the .dsl mappings applied: "
                        + p.message())).toList()).orElse(List.of());
    }
}
