package com.tierupgrade.rules;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The service compiles whatever is in its rules directory when it starts: a copy of rules/ where a marketer raised
 * the repeat-purchase threshold from 2 to 3 gives another decision for the same facts, with no rebuild.
 */
@QuarkusTest
@TestProfile(RuntimeCompilationTest.EditedRules.class)
class RuntimeCompilationTest {

    public static class EditedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tierup.rules.directory", copyWithThreshold("reliantMinPurchases()", "2", "3").toString());
        }
    }

    @Test
    void shouldUseTheEditedThreshold() {
        postFacts(newCustomerId(), repeatBuyer()).statusCode(200)
                .body("stage", equalTo("TRUSTING"))
                .body("firedRules", not(hasItem("依靠:信赖且当前周期内复购")));
        postFacts(newCustomerId(), repeatBuyer().purchases("extra", 1, 300, 40)).statusCode(200)
                .body("stage", equalTo("RELIANT"))
                .body("reasons", hasItem("近90天购买 3 次(至少 3 次)"));
    }

    /** Copies rules/ to a temporary folder, changing the value returned by one threshold function. */
    static Path copyWithThreshold(String function, String from, String to) {
        try {
            Path directory = Files.createTempDirectory("edited-rules");
            try (Stream<Path> files = Files.list(Path.of("rules"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, directory.resolve(file.getFileName()));
                }
            }
            Path thresholds = directory.resolve("thresholds.drl");
            String original = Files.readString(thresholds);
            String edited = original.replaceFirst(
                    Pattern.quote(function) + "(\\s*\\{\\s*return\\s+)" + Pattern.quote(from) + ";", function + "$1" + to + ";");
            if (edited.equals(original)) {
                throw new IllegalStateException(function + " returning " + from + " not found in thresholds.drl");
            }
            Files.writeString(thresholds, edited);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
