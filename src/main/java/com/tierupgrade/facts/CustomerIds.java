package com.tierupgrade.facts;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

/**
 * What a customer id may be (docs/facts.md): 1 to 200 of the ASCII letters, digits and {@code - _ . : @}, and not
 * "." or "..". Anything else (a semicolon, a percent sign, a space, a line break, a non-ASCII character) is refused
 * rather than read as some other customer's id.
 */
public final class CustomerIds {

    public static final int MAX_LENGTH = 200;
    public static final String ALPHABET = "the ASCII letters, digits and - _ . : @";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_LENGTH + "}");

    private CustomerIds() {
    }

    /** The problem with this id, or empty when it is a valid customer id. */
    public static Optional<String> problem(String id) {
        if (id == null || !VALID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            return Optional.of("must be 1 to " + MAX_LENGTH + " of " + ALPHABET + " (not . or ..)");
        }
        return Optional.empty();
    }

    /** Throws {@link InvalidInput} (400) naming {@code field} when the id is not valid. */
    public static void require(String id, String field) {
        problem(id).ifPresent(message -> {
            throw new InvalidInput("The customer id is not valid", List.of(new FieldProblem(field, message)));
        });
    }
}
