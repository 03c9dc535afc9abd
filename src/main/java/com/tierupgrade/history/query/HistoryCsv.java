package com.tierupgrade.history.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

import com.tierupgrade.web.CsvField;

/**
 * History entries as CSV (RFC 4180) for spreadsheets: UTF-8 with a byte-order mark first, so Excel reads the Chinese
 * right; a header row; CRLF between rows; fields as {@link CsvField} writes them (quoted where needed, and text a
 * spreadsheet would run as a formula neutralised).
 * A list (reasons, fired rules) is one cell, its items separated by a line break.
 */
public final class HistoryCsv {

    public static final String BOM = "\uFEFF";
    /** Between the items of a list inside one cell. */
    public static final String LIST_SEPARATOR = "\n";

    private record Column(String name, Function<HistoryRow, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", HistoryRow::id),
            new Column("customerId", HistoryRow::customerId),
            new Column("at", HistoryRow::at),
            new Column("dimension", HistoryRow::dimension),
            new Column("dimensionName", HistoryRow::dimensionName),
            new Column("kind", HistoryRow::kind),
            new Column("from", HistoryRow::from),
            new Column("fromName", HistoryRow::fromName),
            new Column("to", HistoryRow::to),
            new Column("toName", HistoryRow::toName),
            new Column("reasons", HistoryRow::reasons),
            new Column("rule", HistoryRow::rule),
            new Column("warning", HistoryRow::warning),
            new Column("firedRules", HistoryRow::firedRules),
            new Column("rulesetVersion", HistoryRow::rulesetVersion),
            new Column("cause", HistoryRow::cause),
            new Column("recordedAt", HistoryRow::recordedAt),
            new Column("author", HistoryRow::author),
            new Column("manual", HistoryRow::manual),
            new Column("expiresAt", HistoryRow::expiresAt));

    private final Writer out;

    private HistoryCsv(Writer out) {
        this.out = out;
    }

    /** Writes the BOM and the header row; then {@link #row} for each entry. */
    public static HistoryCsv start(Writer out) {
        HistoryCsv csv = new HistoryCsv(out);
        csv.write(BOM);
        csv.line(COLUMNS.stream().map(Column::name).map(Object.class::cast).toList());
        return csv;
    }

    public static List<String> header() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    public void row(HistoryRow row) {
        line(COLUMNS.stream().map(column -> column.value().apply(row)).toList());
    }

    private void line(List<Object> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(values.get(i)));
        }
        write(line.append("\r\n").toString());
    }

    static String field(Object value) {
        if (value instanceof Number number) {
            return CsvField.number(number);
        }
        return CsvField.text(value == null ? null
                : value instanceof List<?> list ? String.join(LIST_SEPARATOR, list.stream().map(String::valueOf).toList())
                : value.toString());
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
