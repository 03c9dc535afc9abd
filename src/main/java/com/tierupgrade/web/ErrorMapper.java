package com.tierupgrade.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
/**
 * The one place that turns exceptions into JSON error answers. Features throw the base exceptions of this package or
 * their own subclasses of them; anything not listed here is a bug: 500.
 */
public class ErrorMapper {

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e) {
        return answer(new ApiError(400, "Bad Request", e.getMessage(), e.problems()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return answer(ApiError.of(404, "Not Found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e) {
        return answer(new ApiError(409, "Conflict", e.getMessage(), e.problems()));
    }

    @ServerExceptionMapper
    public Response unprocessable(Unprocessable e) {
        return answer(new ApiError(422, "Unprocessable Entity", e.getMessage(), e.where()));
    }

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequests e) {
        return Response.fromResponse(answer(ApiError.of(429, "Too Many Requests", e.getMessage())))
                .header("Retry-After", e.retryAfterSeconds()).build();
    }

    /** Errors the framework raises itself: unreadable JSON, unknown paths, wrong methods or media types. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String error = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        if (e.getCause() instanceof JsonProcessingException json) {
            return answer(ApiError.of(400, error, "Malformed JSON" + where(json) + ": " + json.getOriginalMessage()));
        }
        return answer(ApiError.of(status, error, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String expected = e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                ? describe(invalid.getTargetType())
                : e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String field = pathOf(e);
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return answer(ApiError.of(400, "Bad Request", "The body must be one JSON value with nothing after it"
                    + where(e)));
        }
        if (field.isEmpty()) {
            return answer(ApiError.of(400, "Bad Request", "The body must be a JSON object"));
        }
        return answer(new ApiError(400, "Bad Request", "The request body is not valid",
                List.of(new FieldProblem(field, "must be " + expected))));
    }

    private static String where(JsonProcessingException json) {
        var location = json.getLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "String" -> "text";
            case "EventInput" -> "a JSON object with id, type and at";
            default -> Collection.class.isAssignableFrom(type) ? "a JSON array"
                    : Map.class.isAssignableFrom(type) ? "a JSON object" : "of type " + type.getSimpleName();
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
