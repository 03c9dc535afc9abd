package com.tierupgrade.publishing;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static com.tierupgrade.testing.Users.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.ShippedRules;
import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Editors change rules through drafts kept in PostgreSQL: save, conflicts, publish with a comment, roll back. */
@QuarkusTest
@TestProfile(DraftPublishingTest.OwnRules.class)
class DraftPublishingTest {

    static final Path RULES = Path.of("target", "draft-publishing-rules");

    /** The shipped rules with one scenario that holds under every change here (the shipped ones pin numbers). */
    public static class OwnRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ShippedRules.writeTo(RULES, ShippedRules.files());
            ShippedRules.writeTo(RULES, Map.of("scenarios/basic.yaml", BASIC_SCENARIO));
            return Map.of("tierup.rules.directory", RULES.toString(), "tierup.rules.watch", "false");
        }
    }

    static final String BASIC_SCENARIO = """
            - name: 只进群的客户是熟悉阶段的跟从用户(草稿测试)
              asOf: 2026-03-01T12:00:00Z
              attributes: {inGroup: true}
              expect:
                stage: FAMILIAR
                tier: FOLLOWER
            """;

    static final String WRONG_SCENARIO = """
            - name: 复购客户应当是分销用户(故意写错)
              asOf: 2026-03-01T12:00:00Z
              attributes: {addedWeCom: true}
              events:
                - {id: o1, type: PURCHASE, daysAgo: 10, amount: 300}
                - {id: o2, type: PURCHASE, daysAgo: 20, amount: 300}
              expect:
                stage: RELIANT
                tier: DISTRIBUTOR
            """;

    private String before;

    static String activeVersion() {
        return given().get("/rulesets/current").then().statusCode(200).extract().path("version");
    }

    static JsonPath startDraft(String user, String title, Map<String, String> files) {
        return as(user).contentType(ContentType.JSON).body(Map.of("title", title, "files", files))
                .post("/rulesets/drafts").then().statusCode(201).extract().jsonPath();
    }

    static ValidatableResponse publish(String user, long draft, int revision, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("revision", revision);
        body.put("comment", comment);
        return as(user).contentType(ContentType.JSON).body(body).post("/rulesets/drafts/{id}/publish", draft).then();
    }

    static Map<String, String> threePurchases() {
        return Map.of("parameters.yaml", ShippedRules.withParameter("reliantMinPurchases", "3").get("parameters.yaml"));
    }

    @BeforeEach
    void rememberTheActiveVersion() {
        before = activeVersion();
    }

    @AfterEach
    void rollBackWhatTheTestPublished() {
        if (!activeVersion().equals(before)) {
            given().contentType(ContentType.JSON).body(Map.of("comment", "back to where the test started"))
                    .post("/rulesets/{v}/rollback", before).then().statusCode(200);
        }
    }

    @Test
    void shouldPublishADraftWithACommentThenRollBackAsANewPublication() {
        JsonPath draft = startDraft(Users.EDITOR, "依靠需要三次购买", threePurchases());
        long id = draft.getLong("id");
        assertEquals(1, draft.getInt("revision"));
        assertEquals("editor", draft.getString("author"));
        assertEquals(before, draft.getString("baseVersion"));
        assertEquals(BASIC_SCENARIO, draft.getString("files.'scenarios/basic.yaml'"));
        given().get("/rulesets/drafts").then().statusCode(200).body("id", hasItem((int) id))
                .body("find { it.id == " + id + " }.files", nullValue());

        publish(Users.EDITOR, id, 1, "  ").statusCode(400).body("problems[0].field", equalTo("comment"));
        assertEquals(before, activeVersion());

        JsonPath published = publish(Users.EDITOR, id, 1, "活动期间提高依靠门槛").statusCode(200).extract().jsonPath();
        String version = published.getString("version");
        assertNotEquals(before, version);
        assertEquals("PUBLISH", published.getString("trigger"));
        assertEquals("editor", published.getString("author"));
        assertEquals("editor", published.getString("publishedBy"));
        assertEquals("活动期间提高依靠门槛", published.getString("comment"));
        assertEquals(id, published.getLong("draftId"));
        assertEquals(version, activeVersion());
        postFacts(newCustomerId(), repeatBuyer()).statusCode(200).body("stage", equalTo("TRUSTING"))
                .body("rulesetVersion", equalTo(version));
        given().get("/rulesets/drafts/{id}", id).then().statusCode(200)
                .body("publicationId", equalTo(published.getInt("id")));
        given().get("/rulesets/{v}", version).then().statusCode(200)
                .body("activations[0].comment", equalTo("活动期间提高依靠门槛"));
        publish(Users.EDITOR, id, 1, "again").statusCode(409).body("message", containsString("already published"));
        as(Users.AUDITOR).get("/rulesets/publications/{id}", published.getLong("id")).then().statusCode(200)
                .body("publication.comment", equalTo("活动期间提高依靠门槛"))
                .body("previousVersion", equalTo(before))
                .body("diff", containsString("+reliantMinPurchases: 3"))
                .body("whatIf.draftVersion", equalTo(version))
                .body("historyQuery", containsString("rulesetVersion=" + version));
        given().get("/rulesets/publications/{id}", 987_654_321).then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("comment", "")).post("/rulesets/{v}/rollback", before)
                .then().statusCode(400).body("problems[0].field", equalTo("comment"));
        given().contentType(ContentType.JSON).body(Map.of("comment", "x")).post("/rulesets/{v}/rollback", "nosuch")
                .then().statusCode(404);
        as(Users.EDITOR).contentType(ContentType.JSON).body(Map.of("comment", "门槛改回两次"))
                .post("/rulesets/{v}/rollback", before).then().statusCode(200)
                .body("trigger", equalTo("ROLLBACK")).body("version", equalTo(before))
                .body("comment", equalTo("门槛改回两次")).body("publishedBy", equalTo("editor"));
        assertEquals(before, activeVersion());
        postFacts(newCustomerId(), repeatBuyer()).statusCode(200).body("stage", equalTo("RELIANT"))
                .body("rulesetVersion", equalTo(before));
    }

    @Test
    void shouldRefuseASaveOverADraftChangedSinceSayingWhatChanged() {
        long id = startDraft(Users.EDITOR, "两位编辑同时修改", Map.of()).getLong("id");
        as(Users.EDITOR).contentType(ContentType.JSON).body(Map.of("revision", 1, "files", threePurchases()))
                .put("/rulesets/drafts/{id}", id).then().statusCode(200).body("revision", equalTo(2))
                .body("savedBy", equalTo("editor"));

        as(Users.TESTER).contentType(ContentType.JSON)
                .body(Map.of("revision", 1, "files", Map.of("scenarios/basic.yaml", BASIC_SCENARIO + "\n")))
                .put("/rulesets/drafts/{id}", id).then().statusCode(409)
                .body("message", containsString("saved by editor"))
                .body("message", containsString("parameters.yaml changed"))
                .body("problems.field", equalTo(java.util.List.of("files.parameters.yaml")));

        given().get("/rulesets/drafts/{id}", id).then().statusCode(200).body("revision", equalTo(2))
                .body("files.'parameters.yaml'", containsString("reliantMinPurchases: 3"))
                .body("files.'scenarios/basic.yaml'", equalTo(BASIC_SCENARIO));
        as(Users.TESTER).contentType(ContentType.JSON).body(Map.of("files", Map.of()))
                .put("/rulesets/drafts/{id}", id).then().statusCode(400).body("problems[0].field", equalTo("revision"));
        given().get("/rulesets/drafts/{id}", 999_999_999).then().statusCode(404);
    }

    @Test
    void shouldRefuseToPublishADraftWhoseScenarioFailsAndKeepServing() {
        long id = startDraft(Users.EDITOR, "写错的场景", Map.of("scenarios/wrong.yaml", WRONG_SCENARIO)).getLong("id");
        given().post("/rulesets/drafts/{id}/validate", id).then().statusCode(200).body("valid", equalTo(false))
                .body("scenarios.find { !it.passed }.scenario", equalTo("复购客户应当是分销用户(故意写错)"));

        publish(Users.EDITOR, id, 1, "试试").statusCode(422)
                .body("problems[0].field", equalTo("scenarios/wrong.yaml"))
                .body("problems[0].message", containsString("DISTRIBUTOR"));
        assertEquals(before, activeVersion());
        given().get("/rulesets/current").then().body("lastRejected.failedScenarios[0].scenario",
                equalTo("复购客户应当是分销用户(故意写错)"));
        given().get("/rulesets/drafts/{id}", id).then().body("publicationId", nullValue());
    }

    @Test
    void shouldRefuseADraftThatDoesNotCompileWithFileAndLine() {
        long id = startDraft(Users.EDITOR, "坏规则", Map.of("measures.drl", ShippedRules.files().get("measures.drl")
                .replace("accumulate( Measure( name == ", "accumulate( Measur( name == "))).getLong("id");
        given().post("/rulesets/drafts/{id}/validate", id).then().statusCode(200).body("valid", equalTo(false))
                .body("problems[0].file", equalTo("measures.drl")).body("problems[0].line", not(equalTo(0)));
        publish(Users.EDITOR, id, 1, "坏的").statusCode(422).body("problems[0].field", containsString("measures.drl:"));
        given().post("/rulesets/drafts/{id}/simulate", id).then().statusCode(422);
    }

    @Test
    void shouldSimulateADraftAgainstStoredCustomers() {
        postFacts(newCustomerId(), repeatBuyer()).statusCode(200);
        long id = startDraft(Users.EDITOR, "模拟", threePurchases()).getLong("id");
        given().queryParam("asOf", com.tierupgrade.testing.FactsBody.AS_OF.toString()).post("/rulesets/drafts/{id}/simulate", id).then()
                .statusCode(200).body("dimensions.stage.transitions.find { it.from == 'RELIANT' && it.to == 'TRUSTING' }",
                        notNullValue());
        given().queryParam("asOf", "yesterday").post("/rulesets/drafts/{id}/simulate", id).then().statusCode(400)
                .body("problems[0].field", equalTo("asOf"));
    }

    @Test
    void shouldLetAuditorsReadDraftsAndNobodyElse() {
        long id = startDraft(Users.EDITOR, "角色", Map.of()).getLong("id");
        as(Users.AUDITOR).get("/rulesets/drafts/{id}", id).then().statusCode(200);
        as(Users.AUDITOR).get("/rulesets/drafts").then().statusCode(200);
        as(Users.AUDITOR).contentType(ContentType.JSON).body(Map.of("title", "x")).post("/rulesets/drafts").then()
                .statusCode(403);
        as(Users.INGEST).get("/rulesets/drafts").then().statusCode(403);
        as(Users.INGEST).get("/rulesets/drafts/{id}", id).then().statusCode(403);
        Users.anonymous().get("/rulesets/drafts").then().statusCode(401);
        as(Users.EDITOR).contentType(ContentType.JSON).body(Map.of("files", Map.of())).post("/rulesets/drafts")
                .then().statusCode(400).body("problems[0].field", equalTo("title"));
        as(Users.EDITOR).contentType(ContentType.JSON).body(Map.of("title", "x", "files", Map.of("../etc", "x")))
                .post("/rulesets/drafts").then().statusCode(400).body("problems[0].field", equalTo("files.../etc"));
    }
}
