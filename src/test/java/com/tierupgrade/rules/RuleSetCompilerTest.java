package com.tierupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class RuleSetCompilerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private static Map<String, String> shippedFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            return files.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(p -> p.getFileName().toString(), p -> read(p), (a, b) -> a, HashMap::new));
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldNameFileAndLineOfSyntaxError() throws IOException {
        Map<String, String> files = shippedFiles();
        files.put("tiers.drl", files.get("tiers.drl").replace("exists StageReached()", "exists StageReachd()"));
        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class, () -> compiler.compile("draft", files));
        System.out.println(invalid.getMessage());
        assertTrue(invalid.problems().stream().anyMatch(p -> p.file().equals("tiers.drl") && p.line() > 0),
                invalid.getMessage());
    }

    @Test
    void shouldNameMissingBracket() throws IOException {
        Map<String, String> files = shippedFiles();
        files.put("journey.drl", files.get("journey.drl").replaceFirst("flag\\(\"inGroup\"\\) \\)", "flag(\"inGroup\")"));
        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class, () -> compiler.compile("draft", files));
        System.out.println(invalid.getMessage());
    }

    @Test
    void shouldNameUnknownThreshold() throws IOException {
        Map<String, String> files = shippedFiles();
        files.put("tiers.drl", files.get("tiers.drl").replace("spreaderMinShares()", "spreaderMinShare()"));
        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class, () -> compiler.compile("draft", files));
        System.out.println(invalid.getMessage());
    }

    @Test
    void shouldGiveSameVersionForSameFiles() throws IOException {
        assertEquals(RuleSetCompiler.versionOf(shippedFiles()), RuleSetCompiler.versionOf(shippedFiles()));
    }
}
