package com.tierupgrade.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/** A unified diff between the files of two rule-set versions, file by file. */
final class RuleSetDiff {

    private static final int CONTEXT_LINES = 3;

    private RuleSetDiff() {
    }

    static String unified(String fromVersion, Map<String, String> from, String toVersion, Map<String, String> to) {
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(from.keySet());
        names.addAll(to.keySet());
        for (String name : names) {
            List<String> before = lines(from.get(name));
            List<String> after = lines(to.get(name));
            Patch<String> patch = DiffUtils.diff(before, after);
            if (!patch.getDeltas().isEmpty()) {
                out.addAll(UnifiedDiffUtils.generateUnifiedDiff(
                        from.containsKey(name) ? fromVersion + "/" + name : "/dev/null",
                        to.containsKey(name) ? toVersion + "/" + name : "/dev/null",
                        before, patch, CONTEXT_LINES));
            }
        }
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    private static List<String> lines(String content) {
        return content == null ? List.of() : content.lines().toList();
    }
}
