package com.tierupgrade.publishing;

import static com.tierupgrade.publishing.DraftPublishingTest.activeVersion;
import static com.tierupgrade.publishing.DraftPublishingTest.publish;
import static com.tierupgrade.publishing.DraftPublishingTest.startDraft;
import static com.tierupgrade.publishing.DraftPublishingTest.threePurchases;
import static com.tierupgrade.testing.Users.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.ShippedRules;
import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** With four eyes on, a draft is published only after a second editor approved its current revision. */
@QuarkusTest
@TestProfile(FourEyesTest.FourEyes.class)
class FourEyesTest {

    public static class FourEyes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ShippedRules.writeTo(DraftPublishingTest.RULES, ShippedRules.files());
            ShippedRules.writeTo(DraftPublishingTest.RULES,
                    Map.of("scenarios/basic.yaml", DraftPublishingTest.BASIC_SCENARIO));
            return Map.of("tierup.rules.directory", DraftPublishingTest.RULES.toString(), "tierup.rules.watch",
                    "false", "tierup.rules.four-eyes", "true");
        }
    }

    private static ValidatableResponse approve(String user, long draft, int revision) {
        return as(user).contentType(ContentType.JSON).body(Map.of("revision", revision))
                .post("/rulesets/drafts/{id}/approve", draft).then();
    }

    @Test
    void shouldNeedASecondEditorsApprovalOfTheCurrentRevision() {
        String before = activeVersion();
        long id = startDraft(Users.EDITOR, "四眼原则", threePurchases()).getLong("id");

        publish(Users.EDITOR, id, 1, "没人批准").statusCode(409)
                .body("message", containsString("needs the approval of a second editor"));
        approve(Users.EDITOR, id, 1).statusCode(409).body("message", containsString("you started it"));

        approve(Users.TESTER, id, 1).statusCode(200).body("approvedBy", equalTo("tester"))
                .body("approved", equalTo(true));

        // A change after the approval needs approval again; whoever saved a revision cannot approve it.
        as(Users.EDITOR).contentType(ContentType.JSON)
                .body(Map.of("revision", 1, "files", Map.of("scenarios/extra.yaml", DraftPublishingTest.BASIC_SCENARIO
                        .replace("(草稿测试)", "(批准后修改)"))))
                .put("/rulesets/drafts/{id}", id).then().statusCode(200).body("approved", equalTo(false));
        publish(Users.EDITOR, id, 2, "批准后又改了").statusCode(409)
                .body("message", containsString("revision 1 was approved by tester"));
        as(Users.TESTER).contentType(ContentType.JSON)
                .body(Map.of("revision", 2, "title", "四眼原则(修改)")).put("/rulesets/drafts/{id}", id).then()
                .statusCode(200);
        approve(Users.TESTER, id, 3).statusCode(409).body("message", containsString("you saved revision 3"));
        assertEquals(before, activeVersion());

        // The approval is for the revision the approver reviewed.
        approve(Users.AUDITOR, id, 3).statusCode(403);
        long second = startDraft(Users.TESTER, "四眼原则,第二稿", threePurchases()).getLong("id");
        approve(Users.EDITOR, second, 1).statusCode(200);
        publish(Users.TESTER, second, 1, "两人看过").statusCode(200).body("approver", equalTo("editor"))
                .body("author", equalTo("tester")).body("publishedBy", equalTo("tester"));

        given().contentType(ContentType.JSON).body(Map.of("comment", "测试结束,改回"))
                .post("/rulesets/{v}/rollback", before).then().statusCode(200);
        assertEquals(before, activeVersion());
    }
}
