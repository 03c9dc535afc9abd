package com.tierupgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvFieldTest {

    @Test
    void shouldPrefixTextThatASpreadsheetWouldRunAsAFormula() {
        assertEquals("'=1+1", CsvField.text("=1+1"));
        assertEquals("'+1+1", CsvField.text("+1+1"));
        assertEquals("'-1+1", CsvField.text("-1+1"));
        assertEquals("'@SUM(1)", CsvField.text("@SUM(1)"));
        assertEquals("'\t=1", CsvField.text("\t=1"));
        assertEquals("\"'\r=1\"", CsvField.text("\r=1"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", CsvField.text("=HYPERLINK(\"x\",\"y\")"));
    }

    @Test
    void shouldLeaveOtherTextAndNumbersAsTheyAre() {
        assertEquals("北京", CsvField.text("北京"));
        assertEquals("a=1", CsvField.text("a=1"));
        assertEquals("\"a,b\"", CsvField.text("a,b"));
        assertEquals("", CsvField.text(null));
        assertEquals("-5", CsvField.number(-5));
        assertEquals("12", CsvField.number(12L));
    }
}
