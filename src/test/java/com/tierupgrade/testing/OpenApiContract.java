package com.tierupgrade.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;

/**
 * The contract test of every HTTP test: each request a test sends through rest-assured, and the answer it gets, is
 * validated against the document the service serves at {@code /q/openapi}; a field, a null, a status or a media type
 * the document does not promise fails the test that met it. Registered for every @QuarkusTest in the module (as
 * {@link UsesCredentials} is), so a new test cannot forget it.
 * <p>
 * A test that sends an invalid request on purpose says so with {@link #invalidRequest()}: its request is not
 * validated, its answer still is — against the operation it was meant for, or, for a path or method the API does not
 * have, as a refusal (4xx). HEAD is checked as the GET it mirrors. Paths outside the API (the console and the root
 * that leads to it, Swagger UI, health, the document itself) are not in the document and not checked.
 */
@QuarkusTestResource(OpenApiContract.Registration.class)
public final class OpenApiContract implements OrderedFilter {

    /** Marks a request as invalid on purpose; taken off before the request is sent. */
    private static final String INVALID_ON_PURPOSE = "X-Test-Invalid-Request-On-Purpose";
    /** Paths the service serves that are not part of the API the document describes. */
    private static final List<String> OUTSIDE_THE_API = List.of("/q/", "/console", "/webjars/");
    /** The root only leads a person (GET, HEAD) to the console; any other method is refused as outside the API. */
    private static final String ROOT = "/";
    /** What the validator says of a request to a path or method the API does not have. */
    private static final List<String> NO_SUCH_OPERATION = List.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The served document, loaded and parsed once (not per request). */
    private static volatile OpenApiInteractionValidator validator;

    /** Starts a request whose body, parameters or credentials are invalid on purpose: only its answer is checked. */
    public static RequestSpecification invalidRequest() {
        return invalidOnPurpose(RestAssured.given());
    }

    /** Marks a request started elsewhere (e.g. {@code Users.as(user)}) as invalid on purpose. */
    public static RequestSpecification invalidOnPurpose(RequestSpecification request) {
        return request.header(INVALID_ON_PURPOSE, "true");
    }

    /**
     * Validates an answer that did not come through rest-assured (e.g. {@link RawHttp}) as the answer of the
     * operation {@code method path}, e.g. {@code POST /customers/c-1/facts}.
     */
    public static void assertAnswerMatches(String method, String path, int status, String contentType, String body) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status).withBody(body);
        if (contentType != null) {
            answer.withContentType(contentType);
        }
        ValidationReport report = validator().validateResponse(path, Request.Method.valueOf(method), answer.build());
        if (status == 400 && (body == null || body.isEmpty())) {
            // The HTTP layer refuses a path it cannot decode (e.g. "a%b") before any resource runs, with no body.
            report = withoutMissingBody(report);
        }
        failOnErrors(report, "answer to " + method + " " + path, status, body);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        boolean invalidOnPurpose = request.getHeaders().hasHeaderWithName(INVALID_ON_PURPOSE);
        if (invalidOnPurpose) {
            request.removeHeader(INVALID_ON_PURPOSE);
        }
        String path = request.getDerivedPath();
        boolean rootForAPerson = path.equals(ROOT) && List.of("GET", "HEAD").contains(request.getMethod());
        if (rootForAPerson || OUTSIDE_THE_API.stream().anyMatch(path::startsWith)) {
            return context.next(request, responseSpec);
        }
        Request sent = asGetWhenHead(RestAssuredRequest.of(request));
        String what = request.getMethod() + " " + path;
        ValidationReport requestReport = validator().validateRequest(sent);
        if (!invalidOnPurpose) {
            failOnErrors(requestReport, "request " + what, null, null);
        }
        Response response = context.next(request, responseSpec);
        if (requestReport.getMessages().stream().anyMatch(message -> NO_SUCH_OPERATION.contains(message.getKey()))) {
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                throw new AssertionError("The API has no operation " + what + " (/q/openapi), yet it answered "
                        + response.statusCode());
            }
            return response;
        }
        ValidationReport answerReport = validator().validateResponse(path, sent.getMethod(),
                RestAssuredResponse.of(response));
        if (request.getMethod().equals("HEAD")) {
            answerReport = withoutMissingBody(answerReport);
        }
        failOnErrors(answerReport, "answer to " + what, response.statusCode(), response.asString());
        return response;
    }

    /** Before any other filter (e.g. a test's own logging), so the request validated is the one sent. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (OpenApiContract.class) {
                if (validator == null) {
                    String document = RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                            .statusCode(200).extract().asString();
                    validator = OpenApiInteractionValidator
                            .createForInlineApiSpecification(withNullableReferencesInlined(document)).build();
                }
            }
        }
        return validator;
    }

    /**
     * OpenAPI 3.0 cannot put {@code nullable} beside a {@code $ref}, so a nullable field of a named type is written
     * {@code {allOf: [{$ref: X}], nullable: true}}, which generators read as "X or null"; the validator does not (its
     * {@code allOf} refuses the null). It is given the same meaning here: X's schema, inlined, nullable.
     */
    private static String withNullableReferencesInlined(String document) {
        try {
            JsonNode root = JSON.readTree(document);
            inline(root, root.path("components").path("schemas"));
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void inline(JsonNode node, JsonNode schemas) {
        if (node instanceof ObjectNode object) {
            JsonNode allOf = object.get("allOf");
            if (object.path("nullable").asBoolean(false) && allOf instanceof ArrayNode list && list.size() == 1
                    && list.get(0).has("$ref")) {
                String name = list.get(0).get("$ref").asText().replace("#/components/schemas/", "");
                object.remove("allOf");
                schemas.get(name).properties().forEach(field -> object.putIfAbsent(field.getKey(),
                        field.getValue().deepCopy()));
            }
            new ArrayList<>(object.properties()).forEach(field -> inline(field.getValue(), schemas));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> inline(element, schemas));
        }
    }

    /** A HEAD request is answered like the GET of the same path, without the body: checked as that GET. */
    private static Request asGetWhenHead(Request request) {
        if (request.getMethod() != Request.Method.HEAD) {
            return request;
        }
        return new Request() {
            @Override
            public String getPath() {
                return request.getPath();
            }

            @Override
            public Method getMethod() {
                return Method.GET;
            }

            @Override
            public Optional<String> getBody() {
                return request.getBody();
            }

            @Override
            public Optional<Body> getRequestBody() {
                return request.getRequestBody();
            }

            @Override
            public Collection<String> getQueryParameters() {
                return request.getQueryParameters();
            }

            @Override
            public Collection<String> getQueryParameterValues(String name) {
                return request.getQueryParameterValues(name);
            }

            @Override
            public Map<String, Collection<String>> getHeaders() {
                return request.getHeaders();
            }

            @Override
            public Collection<String> getHeaderValues(String name) {
                return request.getHeaderValues(name);
            }
        };
    }

    /** A HEAD answer has the GET's status and headers but never a body. */
    private static ValidationReport withoutMissingBody(ValidationReport report) {
        return ValidationReport.from(report.getMessages().stream()
                .filter(message -> !message.getKey().equals("validation.response.body.missing")).toList());
    }

    private static void failOnErrors(ValidationReport report, String what, Integer status, String body) {
        if (!report.hasErrors()) {
            return;
        }
        String problems = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "  - " + message.getKey() + ": " + message.getMessage()
                        + message.getAdditionalInfo().stream().map(info -> "\n      " + info)
                                .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
        String shown = body == null ? "" : "\n  body: " + (body.length() > 1000 ? body.substring(0, 1000) + "…" : body);
        throw new AssertionError("The " + what + (status == null ? "" : " (" + status + ")")
                + " does not match the OpenAPI document /q/openapi:\n" + problems + shown);
    }

    /** Registers the filter once for every @QuarkusTest, as the tests' default credentials are. */
    public static class Registration implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            RestAssured.filters(new OpenApiContract());
            return Map.of();
        }

        @Override
        public void stop() {
            RestAssured.replaceFiltersWith(List.of());
        }
    }
}
