package com.tierupgrade.web;

import java.util.Optional;

/**
 * What any text the service stores or searches for must be: PostgreSQL refuses the NUL character in text and JSON,
 * and a lone UTF-16 surrogate cannot be written as UTF-8. Such text is refused at the door, naming its field.
 */
public final class Text {

    private Text() {
    }

    /** The problem with this text, or empty when PostgreSQL can store it. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode (a lone surrogate \\u" + Integer.toHexString(c) + " was sent)");
            }
        }
        return Optional.empty();
    }

    /** Whether the text holds a control character (NUL, line breaks, tabs …), which no identifier may. */
    public static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
