package com.tierupgrade.rules.compiler;

import java.util.List;
import java.util.stream.Collectors;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.Unprocessable;

/** The files of a rules directory cannot become a rule set; each problem names the file and, when known, the line. */
public class RuleSetInvalid extends Unprocessable {

    public record Problem(String file, int line, int column, String message) {

        /** file:line:column, or the file alone when the line is not known. */
        public String location() {
            return file + (line > 0 ? ":" + line + ":" + column : "");
        }

        @Override
        public String toString() {
            return location() + ": " + message;
        }
    }

    private final List<Problem> problems;

    public RuleSetInvalid(String source, List<Problem> problems) {
        super("The rules in " + source + " cannot be used; fix these and save again:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")),
                problems.stream().map(p -> new FieldProblem(p.location(), p.message())).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
