package com.tierupgrade.rules.compiler;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import org.drools.drl.parser.lang.dsl.DSLMapping;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultExpander;

/** A .dslr file with the .dsl mappings of its rule set applied, as the compiler will see it. */
final class DslExpansion {

    private DslExpansion() {
    }

    /** The expanded text, or empty when the expander cannot read it (the compiler then reports the line). */
    static Optional<String> expand(String dslr, Map<String, String> ruleFiles) {
        DefaultExpander expander = new DefaultExpander();
        ruleFiles.forEach((file, content) -> {
            if (file.endsWith(".dsl")) {
                DSLTokenizedMappingFile dsl = new DSLTokenizedMappingFile();
                try {
                    dsl.parseAndLoad(new StringReader(content));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                DSLMapping mapping = dsl.getMapping();
                if (mapping != null) {
                    expander.addDSLMapping(mapping);
                }
            }
        });
        try {
            return Optional.of(expander.expand(dslr));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
