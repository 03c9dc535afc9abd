package com.tierupgrade.users;

import static com.tierupgrade.testing.Users.AUDITOR;
import static com.tierupgrade.testing.Users.EDITOR_ONLY;
import static com.tierupgrade.testing.Users.INGEST;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tierupgrade.testing.Endpoints;
import com.tierupgrade.testing.OpenApiContract;
import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what: every endpoint refuses a request without credentials (401) and every user whose roles do not
 * allow it (403), and lets the right roles through. A row whose status is null accepts any answer but 401 and 403
 * for the right roles (a 404 for an id that does not exist, a 400 for an empty body).
 */
@QuarkusTest
class RolesTest {

    private static final String CUSTOMER = "roles-test-customer";
    private static final List<String> USERS = List.of(INGEST, EDITOR_ONLY, AUDITOR);

    /**
     * One request and the users allowed to make it. {@code expected} is the status the allowed users get, or null
     * for an endpoint that may not exist yet (then anything but 401, 403 and 5xx). {@code invalid}: a request the
     * OpenAPI document refuses on purpose (an empty body, a path or method the API does not have).
     */
    record Call(String method, String path, String body, Integer expected, Set<String> allowed, boolean invalid) {

        @Override
        public String toString() {
            return method + " " + path + " → " + (allowed.isEmpty() ? "nobody" : allowed);
        }
    }

    private static Call call(String method, String path, String body, Integer expected, String... allowed) {
        return new Call(method, path, body, expected, Set.of(allowed), false);
    }

    private static Call invalidCall(String method, String path, String body, Integer expected, String... allowed) {
        return new Call(method, path, body, expected, Set.of(allowed), true);
    }

    static List<Call> calls() {
        String facts = "{\"attributes\": {\"inGroup\": true}}";
        return List.of(
                // ingest
                call("POST", "/customers/" + CUSTOMER + "/facts", facts, 200, INGEST),
                // editor, and ingest for the dry run integrators use
                call("POST", "/evaluations", facts, 200, EDITOR_ONLY, INGEST),
                invalidCall("POST", "/rulesets/validate", "null", 400, EDITOR_ONLY),
                invalidCall("POST", "/rulesets/simulate", "null", 400, EDITOR_ONLY),
                call("GET", "/reevaluations", null, 200, EDITOR_ONLY),
                call("POST", "/reevaluations", null, 202, EDITOR_ONLY),
                call("POST", "/reevaluations/confirmations/987654321/confirm", "{}", 404, EDITOR_ONLY),
                call("POST", "/reevaluations/confirmations/987654321/dismiss", "{}", 404, EDITOR_ONLY),
                call("GET", "/reevaluations/confirmations", null, 200, EDITOR_ONLY, AUDITOR),
                // editor and auditor see the instances alive (docs/scaling.md)
                call("GET", "/instances", null, 200, EDITOR_ONLY, AUDITOR),
                // editors decide over the rules for one customer (docs/manual-decisions.md)
                call("POST", "/customers/" + CUSTOMER + "/manual-decisions", "{}", 400, EDITOR_ONLY),
                call("POST", "/customers/" + CUSTOMER + "/manual-decisions/release", "{}", 400, EDITOR_ONLY),
                // editor and auditor read rule sets
                call("GET", "/rulesets", null, 200, EDITOR_ONLY, AUDITOR),
                call("GET", "/rulesets/current", null, 200, EDITOR_ONLY, AUDITOR),
                call("GET", "/rulesets/no-such-version", null, 404, EDITOR_ONLY, AUDITOR),
                call("GET", "/rulesets/a/diff/b", null, 404, EDITOR_ONLY, AUDITOR),
                // drafts: editors write, check and publish; auditors read; ingest sees nothing
                call("GET", "/rulesets/drafts", null, 200, EDITOR_ONLY, AUDITOR),
                call("GET", "/rulesets/drafts/987654321", null, 404, EDITOR_ONLY, AUDITOR),
                call("POST", "/rulesets/drafts", "{}", 400, EDITOR_ONLY),
                call("PUT", "/rulesets/drafts/987654321", "{\"revision\": 1}", 404, EDITOR_ONLY),
                call("POST", "/rulesets/drafts/987654321/validate", null, 404, EDITOR_ONLY),
                call("POST", "/rulesets/drafts/987654321/simulate", null, 404, EDITOR_ONLY),
                call("POST", "/rulesets/drafts/987654321/approve", "{\"revision\": 1}", 404, EDITOR_ONLY),
                call("POST", "/rulesets/drafts/987654321/publish", "{\"revision\": 1, \"comment\": \"x\"}", 404,
                        EDITOR_ONLY),
                call("GET", "/rulesets/publications/987654321", null, 404, EDITOR_ONLY, AUDITOR),
                call("GET", "/rulesets/rule-usage", null, 200, EDITOR_ONLY, AUDITOR),
                call("POST", "/rulesets/no-such-version/rollback", "{\"comment\": \"x\"}", 404, EDITOR_ONLY),
                call("GET", "/cutoffs", null, 200, EDITOR_ONLY, AUDITOR),
                call("GET", "/cutoffs/superUserSpend/history", null, 200, EDITOR_ONLY, AUDITOR),
                call("POST", "/cutoffs/recompute", null, 200, EDITOR_ONLY),
                // auditor
                call("GET", "/customers/" + CUSTOMER, null, 200, AUDITOR),
                call("GET", "/customers/" + CUSTOMER + "/history", null, 200, AUDITOR),
                call("GET", "/customers/" + CUSTOMER + "/attributes/history", null, 200, AUDITOR),
                call("GET", "/customers/" + CUSTOMER + "/explanation", null, null, AUDITOR),
                call("GET", "/history", null, null, AUDITOR),
                invalidCall("GET", "/history/1", null, null, AUDITOR),
                call("GET", "/history/1/explanation", null, null, AUDITOR),
                call("GET", "/warnings", null, 200, AUDITOR),
                call("GET", "/history/verify", null, 200, AUDITOR),
                call("GET", "/dashboard/summary", null, 200, AUDITOR),
                call("GET", "/dashboard/labels", null, 200, AUDITOR),
                call("GET", "/console/", null, null, AUDITOR),
                call("GET", "/console/index.html", null, null, AUDITOR),
                call("GET", "/webjars/echarts/5.5.0/echarts.min.js", null, 200, AUDITOR),
                // audiences: editors compose, editors and auditors read and export
                call("GET", "/audiences", null, null, EDITOR_ONLY, AUDITOR),
                invalidCall("GET", "/audiences/a-1", null, null, EDITOR_ONLY, AUDITOR),
                call("GET", "/audiences/1/customers", null, null, EDITOR_ONLY, AUDITOR),
                call("GET", "/audiences/1/customers.csv", null, null, EDITOR_ONLY, AUDITOR),
                invalidCall("POST", "/audiences", "{}", null, EDITOR_ONLY),
                invalidCall("POST", "/audiences/preview", "{}", null, EDITOR_ONLY),
                invalidCall("DELETE", "/audiences/a-1", null, null, EDITOR_ONLY),
                // webhooks: editors register and replay, editors and auditors (the console) read
                call("GET", "/webhooks", null, 200, EDITOR_ONLY, AUDITOR),
                call("GET", "/webhooks/987654321", null, 404, EDITOR_ONLY, AUDITOR),
                call("GET", "/webhooks/987654321/deliveries", null, 404, EDITOR_ONLY, AUDITOR),
                invalidCall("POST", "/webhooks", "{}", 400, EDITOR_ONLY),
                call("DELETE", "/webhooks/987654321", null, 404, EDITOR_ONLY),
                call("POST", "/webhooks/987654321/replay", null, 404, EDITOR_ONLY),
                call("POST", "/webhooks/987654321/deliveries/1/replay", null, 404, EDITOR_ONLY),
                // every role: the API documentation and one's own password (too short here: changes nothing)
                call("GET", "/q/openapi", null, 200, INGEST, EDITOR_ONLY, AUDITOR),
                call("GET", "/q/swagger-ui/", null, 200, INGEST, EDITOR_ONLY, AUDITOR),
                call("PUT", "/users/me/password", "{\"password\": \"short\"}", 400, INGEST, EDITOR_ONLY, AUDITOR),
                // nobody: unknown paths, and methods no permission grants (history and customers are never written)
                invalidCall("GET", "/no-such-path", null, null),
                invalidCall("DELETE", "/customers/" + CUSTOMER, null, null),
                invalidCall("PUT", "/customers/" + CUSTOMER + "/history", null, null),
                invalidCall("GET", "/customers/" + CUSTOMER + "/facts", null, null),
                invalidCall("POST", "/history", "{}", null),
                invalidCall("POST", "/customers/" + CUSTOMER, "{}", null));
    }

    @BeforeEach
    void createCustomer() {
        Users.as(INGEST).contentType(ContentType.JSON).body("{}").post("/customers/{id}/facts", CUSTOMER)
                .then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void shouldRefuseRequestsWithoutCredentials(Call call) {
        assertEquals(401, send(Users.anonymous(), call).statusCode(), call + " without credentials");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void shouldRefuseUsersWithoutAnAllowedRole(Call call) {
        for (String user : USERS) {
            if (!call.allowed().contains(user)) {
                assertEquals(403, send(Users.as(user), call).statusCode(), call + " as " + user);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void shouldLetTheAllowedRolesThrough(Call call) {
        for (String user : call.allowed()) {
            int status = send(Users.as(user), call).statusCode();
            if (call.expected() != null) {
                assertEquals(call.expected(), status, call + " as " + user);
            } else {
                assertTrue(status != 401 && status != 403 && status < 500, call + " as " + user + ": " + status);
            }
        }
    }

    @Test
    void shouldLeadFromTheRootToTheConsoleNotToA401() {
        Users.anonymous().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/"));
        Users.anonymous().redirects().follow(false).post("/").then().statusCode(401);
    }

    @Test
    void shouldRefuseAWrongPassword() {
        Users.anonymous().auth().preemptive().basic(AUDITOR, "wrong").get("/customers/{id}", CUSTOMER)
                .then().statusCode(401);
        Users.anonymous().auth().preemptive().basic("nobody", "nobody").get("/customers/{id}", CUSTOMER)
                .then().statusCode(401);
    }

    @Test
    void shouldAskForBasicCredentials() {
        Users.anonymous().get("/customers/{id}", CUSTOMER).then().statusCode(401)
                .header("WWW-Authenticate", equalToIgnoringCase("Basic realm=\"tier-upgrade\""));
    }

    @Test
    void shouldAnswerHealthWithoutCredentials() {
        Users.anonymous().get("/q/health/live").then().statusCode(200);
        Users.anonymous().get("/q/health/ready").then().statusCode(200);
        Users.anonymous().get("/q/health").then().statusCode(200);
    }

    /** A new endpoint must be added to calls() (and granted in application.properties) before this passes. */
    @Test
    void shouldCoverEveryEndpointOfTheResources() {
        List<Endpoints.Endpoint> missing = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : Endpoints.all()) {
            boolean covered = calls().stream()
                    .anyMatch(call -> call.method().equals(endpoint.method()) && endpoint.matches(call.path()));
            if (!covered) {
                missing.add(endpoint);
            }
        }
        assertEquals(List.of(), missing, "endpoints without a row in RolesTest.calls()");
    }

    private static Response send(RequestSpecification request, Call call) {
        if (call.invalid()) {
            request = OpenApiContract.invalidOnPurpose(request);
        }
        if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        Response response = request.request(call.method(), call.path());
        if (call.path().equals("/reevaluations") && response.statusCode() == 202) {
            awaitReevaluations();
        }
        return response;
    }

    /** A re-evaluation job runs over every stored customer: let it end before other tests run. */
    private static void awaitReevaluations() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)
                && Users.as(EDITOR_ONLY).get("/reevaluations").jsonPath().getList("state").contains("RUNNING")) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
