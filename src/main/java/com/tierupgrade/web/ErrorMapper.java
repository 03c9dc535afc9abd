package com.tierupgrade.web;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.tierupgrade.customer.CustomerNotFound;
import com.tierupgrade.facts.InvalidFacts;

/** The one place that turns exceptions into JSON error answers. Anything not listed here is a bug: 500. */
public class ErrorMapper {

    @ServerExceptionMapper
    public Response invalidFacts(InvalidFacts e) {
        return answer(new ApiError(400, "Bad Request", "The facts are not valid", e.problems()));
    }

    @ServerExceptionMapper
    public Response customerNotFound(CustomerNotFound e) {
        return answer(ApiError.of(404, "Not Found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        var location = e.getLocation();
        return answer(ApiError.of(400, "Bad Request", "Malformed JSON at line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ": " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String expected = e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                ? describe(invalid.getTargetType())
                : e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String field = pathOf(e);
        if (field.isEmpty()) {
            return answer(ApiError.of(400, "Bad Request", "The body must be a JSON object"));
        }
        return answer(new ApiError(400, "Bad Request", "The facts are not valid",
                List.of(new FieldProblem(field, "must be " + expected))));
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "Instant" -> "an ISO-8601 instant such as 2026-11-01T10:00:00Z";
            case "String" -> "text";
            case "List" -> "a JSON array";
            case "Map", "LinkedHashMap", "HashMap" -> "a JSON object";
            case "EventInput" -> "a JSON object with id, type and at";
            default -> "of type " + type.getSimpleName();
        };
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Response answer(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON).entity(error).build();
    }
}
