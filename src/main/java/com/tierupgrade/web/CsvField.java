package com.tierupgrade.web;

/**
 * One field of a CSV the service writes (RFC 4180), safe to open in a spreadsheet. Text that a spreadsheet would
 * run as a formula — starting with {@code = + - @}, a tab or a carriage return — gets a leading apostrophe, as OWASP
 * recommends against CSV injection; a field holding a comma, a quote or a line break is then quoted, quotes doubled.
 * Numbers the service writes itself (ids, counts) go through {@link #number}, unchanged.
 */
public final class CsvField {

    private CsvField() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    public static String number(Number value) {
        return value == null ? "" : value.toString();
    }
}
