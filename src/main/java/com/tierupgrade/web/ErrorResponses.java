package com.tierupgrade.web;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Adds to every operation of the OpenAPI document the error answers that any request can get, whatever the
 * operation, so that no resource has to repeat them: 400 for a request line this service refuses ({@link RequestLine}),
 * 401 and 403 from the permissions, 503 while the database is unreachable ({@link DatabaseUnavailableHandler}); and
 * to operations that read a body, 413 ({@link BodySizeLimit}) and 415. The answers themselves, with the one error
 * body, are components of {@code META-INF/openapi.yaml}. Errors only some operations give (404, 409, 422) are
 * declared where they happen, and a declaration there wins over the ones added here.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ErrorResponses implements OASFilter {

    private static final Map<String, String> EVERY_OPERATION = new TreeMap<>(Map.of(
            "400", "BadRequest",
            "401", "Unauthorized",
            "403", "Forbidden",
            "429", "TooManyRequests",
            "503", "DatabaseUnavailable"));
    private static final Map<String, String> OPERATIONS_WITH_A_BODY = new TreeMap<>(Map.of(
            "413", "TooLarge",
            "415", "UnsupportedMediaType"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::add));
    }

    private void add(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        addMissing(operation.getResponses(), EVERY_OPERATION);
        if (operation.getRequestBody() != null) {
            addMissing(operation.getResponses(), OPERATIONS_WITH_A_BODY);
        }
    }

    private static void addMissing(APIResponses responses, Map<String, String> references) {
        references.forEach((status, component) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
            }
        });
    }
}
