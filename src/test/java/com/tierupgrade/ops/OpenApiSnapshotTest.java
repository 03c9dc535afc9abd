package com.tierupgrade.ops;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * docs/openapi.yaml is the document the service serves, so that a change of the API shows in review and the client
 * generated from it in the build (GeneratedClientTest) is the client of this very service.
 */
@QuarkusTest
class OpenApiSnapshotTest {

    private static final Path SNAPSHOT = Path.of("docs", "openapi.yaml");
    /** Written by Quarkus at every build (quarkus.smallrye-openapi.store-schema-directory): the served document. */
    private static final Path BUILT = Path.of("target", "openapi", "openapi.yaml");

    @Test
    void shouldServeExactlyTheDocumentKeptInDocs() throws IOException {
        List<String> served = RestAssured.given().get("/q/openapi").then().statusCode(200).extract().asString()
                .strip().lines().toList();
        List<String> kept = Files.readString(SNAPSHOT).strip().lines().toList();
        for (int line = 0; line < Math.max(served.size(), kept.size()); line++) {
            String servedLine = line < served.size() ? served.get(line) : "(end of document)";
            String keptLine = line < kept.size() ? kept.get(line) : "(end of file)";
            if (!servedLine.equals(keptLine)) {
                fail(SNAPSHOT + " is not the document the service serves at /q/openapi; first difference at line "
                        + (line + 1) + ":\n  served: " + servedLine + "\n  kept:   " + keptLine
                        + "\nIf the API change is intended, regenerate the copy and commit it with the change:\n"
                        + "  cp " + BUILT + " " + SNAPSHOT + "\n(" + BUILT + " is written by every build, e.g. "
                        + "./mvnw -B test -Dtest=OpenApiSnapshotTest), and say in the commit whether it breaks "
                        + "clients (docs/operations.md#api-versions).");
            }
        }
    }
}
