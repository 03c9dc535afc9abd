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
        List<Problem> problems = new ArrayList<>(check(fileName, content, Set.of()));
        problems.addAll(recursion(Map.of(fileName, content)));
        return problems;
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
        problems.addAll(recursion(ruleFiles));
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

    /**
     * A function that calls itself, directly or through others, can recurse without end (or deep enough to take
     * the thread's stack) inside one firing, where no budget can step in; so it is refused at its declaration.
     */
    private static List<Problem> recursion(Map<String, String> ruleFiles) {
        Map<String, RuleScanner.Function> functions = new TreeMap<>();
        ruleFiles.forEach((name, content) -> {
            if (!name.endsWith(".dsl")) {
                RuleScanner scan = new RuleScanner(name, content, Set.of());
                scan.collectFunctions();
                scan.functions().forEach(function -> functions.putIfAbsent(function.name(), function));
            }
        });
        List<Problem> problems = new ArrayList<>();
        for (RuleScanner.Function function : functions.values()) {
            List<String> path = pathBack(function.name(), function.name(), functions, new ArrayList<>(),
                    new HashSet<>());
            if (path != null) {
                String through = path.size() == 1 ? "calls itself"
                        : "calls itself through " + String.join(" → ", path.subList(1, path.size())) + " → "
                                + function.name();
                problems.add(new Problem(function.file(), function.line(), function.column(), "function '"
                        + function.name() + "' " + through + ": recursion is not allowed in rules, it cannot be "
                        + "bounded while it runs; compute the value without calling the function again"));
            }
        }
        return problems;
    }

    /** The calls from {@code from} that lead back to {@code target}, or null when none does. */
    private static List<String> pathBack(String target, String from, Map<String, RuleScanner.Function> functions,
            List<String> path, Set<String> seen) {
        path.add(from);
        for (String callee : functions.get(from).calls()) {
            if (callee.equals(target)) {
                return path;
            }
            if (functions.containsKey(callee) && seen.add(callee)) {
                List<String> found = pathBack(target, callee, functions, path, seen);
                if (found != null) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    private static List<Problem> checkExpanded(String name, String dslr, Map<String, String> ruleFiles,
            Set<String> declared) {
        // when the expander cannot read a sentence, the compiler reports it with its line
        return DslExpansion.expand(dslr, ruleFiles).map(expanded -> check(name, expanded, declared).stream()
                .map(p -> new Problem(p.file(), p.line(), p.column(), "with the .dsl mappings applied: "
                        + p.message())).toList()).orElse(List.of());
    }
}
