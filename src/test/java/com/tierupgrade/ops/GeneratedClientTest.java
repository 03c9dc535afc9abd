package com.tierupgrade.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.tierupgrade.client.ApiClient;
import com.tierupgrade.client.ApiException;
import com.tierupgrade.client.api.AudiencesApi;
import com.tierupgrade.client.api.FactsAndCustomersApi;
import com.tierupgrade.client.api.HistoryApi;
import com.tierupgrade.client.model.ApiError;
import com.tierupgrade.client.model.Criterion;
import com.tierupgrade.client.model.CustomerView;
import com.tierupgrade.client.model.Decision;
import com.tierupgrade.client.model.EventInput;
import com.tierupgrade.client.model.FactsRequest;
import com.tierupgrade.client.model.FactsResponse;
import com.tierupgrade.client.model.HistoryPage;
import com.tierupgrade.client.model.HistoryView;
import com.tierupgrade.client.model.Preview;
import com.tierupgrade.client.model.PreviewRequest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The README walk-through, driven by the Java client generated from docs/openapi.yaml during the build (package
 * com.tierupgrade.client, target/generated-test-sources), as an integrator would: if the document and the answers
 * disagreed (a null where it promises none, an undocumented status), this client would fail here.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void shouldWalkThroughTheReadmeWithTheGeneratedClient() throws ApiException {
        String customerId = "c-1001-" + UUID.randomUUID();
        FactsAndCustomersApi asIngest = new FactsAndCustomersApi(client("ingest"));

        FactsResponse first = asIngest.receiveFacts(customerId, new FactsRequest()
                .attributes(Map.of("addedWeCom", true, "region", "北京"))
                .events(List.of(
                        purchase("order-1", "2026-09-20T10:00:00Z"), purchase("order-2", "2026-10-25T10:00:00Z"),
                        interaction("like-1", "2026-11-01T09:00:00Z", "LIKE"),
                        interaction("like-2", "2026-11-02T09:00:00Z", "REPLY"),
                        interaction("like-3", "2026-11-03T09:00:00Z", "QUESTION")))
                .asOf("2026-11-20T00:00:00Z"));
        assertEquals("RELIANT", first.getStage());
        assertEquals("FOLLOWER", first.getTier());
        HistoryView initialStage = first.getHistory().stream().filter(entry -> "stage".equals(entry.getDimension()))
                .findFirst().orElseThrow();
        assertEquals("INITIAL", initialStage.getKind());
        assertNull(initialStage.getFrom(), "an INITIAL entry comes from no value");

        FactsResponse refused = asIngest.receiveFacts(customerId, new FactsRequest()
                .attributes(Map.of("distributorOptIn", true, "distributorRefused", true)));
        assertEquals("FOLLOWER", refused.getTier());
        assertEquals("DISTRIBUTOR", refused.getHeldBack().get(0).getTier());
        assertEquals("用户明确拒绝分销,不硬推", refused.getHeldBack().get(0).getReason());
        assertTrue(refused.getHistory().stream().anyMatch(entry -> "HELD_BACK".equals(entry.getKind())));

        ApiClient auditor = client("auditor");
        FactsAndCustomersApi asAuditor = new FactsAndCustomersApi(auditor);
        CustomerView customer = asAuditor.customer(customerId);
        assertEquals("FOLLOWER", customer.getDecision().getTier());
        List<HistoryView> history = asAuditor.customerHistory(customerId, null, null);
        assertEquals("INITIAL", history.get(0).getKind());
        assertTrue(history.stream().anyMatch(entry -> "HELD_BACK".equals(entry.getKind())
                && "DISTRIBUTOR".equals(entry.getTo()) && "明确拒绝分销:不硬推".equals(entry.getRule())));
        String explanation = new HistoryApi(auditor).explainCustomer(customerId, Map.of("Accept", "text/plain"));
        assertTrue(explanation.contains("「分销用户」被暂缓"), explanation);
        HistoryPage holds = new HistoryApi(auditor).queryHistory(List.of(customerId), null, "HELD_BACK", null,
                "DISTRIBUTOR", null, null, null, null, null, null, null);
        assertEquals(1, holds.getEntries().size());
        assertNull(holds.getNext(), "one page only");

        Preview audience = new AudiencesApi(client("editor")).preview(new PreviewRequest().criteria(List.of(
                new Criterion().attribute("region").equalTo("北京"),
                new Criterion().event("PURCHASE").atLeast(2))));
        assertTrue(audience.getCount() >= 1, "the customer is in the audience");

        Decision dryRun = new FactsAndCustomersApi(client("editor")).evaluate(new FactsRequest()
                .attributes(Map.of("inGroup", true))
                .events(List.of(new EventInput().id("o1").type("PURCHASE").at("2026-11-01T00:00:00Z")
                        .putAdditionalProperty("amount", 1200))));
        assertEquals("TRUSTING", dryRun.getStage(), "a connected customer who bought once (seed 000)");

        ApiException bad = assertThrows(ApiException.class, () -> asIngest.receiveFacts(customerId,
                new FactsRequest().events(List.of(new EventInput().id("x").type("PURCHASE")
                        .at("2026-11-01T00:00:00Z").putAdditionalProperty("amount", -5)))));
        assertEquals(400, bad.getCode());
        ApiError error = readError(auditor, bad);
        assertEquals("events[0].amount", error.getProblems().get(0).getField());
    }

    private ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return client;
    }

    private static EventInput purchase(String id, String at) {
        return new EventInput().id(id).type("PURCHASE").at(at).putAdditionalProperty("amount", 300)
                .putAdditionalProperty("couponUsed", false);
    }

    private static EventInput interaction(String id, String at, String kind) {
        return new EventInput().id(id).type("INTERACTION").at(at).putAdditionalProperty("kind", kind);
    }

    private static ApiError readError(ApiClient client, ApiException e) {
        try {
            return client.getObjectMapper().readValue(e.getResponseBody(), ApiError.class);
        } catch (java.io.IOException io) {
            throw new AssertionError("the error body is not an ApiError: " + e.getResponseBody(), io);
        }
    }
}
