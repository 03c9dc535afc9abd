package com.tierupgrade.history.chain;

import static com.tierupgrade.testing.Api.history;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static com.tierupgrade.testing.Users.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.DatabaseOwner;
import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The owner of the tables can lift the append-only triggers (DISABLE TRIGGER) and rewrite, remove or add history;
 * GET /history/verify names the row. Each forgery is undone at the end (the database is shared by the tests).
 */
@QuarkusTest
class TamperEvidenceTest {

    private static ValidatableResponse verify(String customerId) {
        return as(Users.AUDITOR).queryParam("customerId", customerId).when().get("/history/verify").then()
                .statusCode(200);
    }

    /** Runs statements as the owner with every trigger of {@code table} disabled, as someone rewriting history would. */
    private static void asOwnerPastTheTriggers(String table, String... statements) throws SQLException {
        try (Connection connection = DatabaseOwner.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } finally {
                statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER ALL");
            }
        }
    }

    private static List<Integer> entryIds(String customerId) {
        return history(customerId).statusCode(200).extract().jsonPath().getList("id", Integer.class);
    }

    @Test
    void shouldVerifyANormalFlowOfFactsCorrectionsManualDecisionsAndReevaluations() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer().with("region", "北京")).statusCode(200);
        // A correction: the same event id with another amount, and an attribute changed.
        postFacts(id, facts().with("region", "上海").event("p0", "PURCHASE", 0, Map.of("amount", 999,
                "couponUsed", true)).daysLater(1)).statusCode(200);
        as(Users.EDITOR).contentType(ContentType.JSON)
                .body(Map.of("dimension", "tier", "kind", "PIN", "value", "铁杆粉丝", "reason", "年度大会的嘉宾",
                        "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()))
                .when().post("/customers/{id}/manual-decisions", id).then().statusCode(200);
        as(Users.EDITOR).contentType(ContentType.JSON).body(Map.of("dimension", "tier", "kind", "PIN", "reason", "结束"))
                .when().post("/customers/{id}/manual-decisions/release", id).then().statusCode(200);
        postFacts(id, facts().daysLater(200)).statusCode(200);

        verify(id).body("ok", equalTo(true))
                .body("firstBroken", nullValue())
                .body("checkedRows.history_entry", greaterThan(3))
                .body("checkedRows.evaluation", greaterThan(3))
                .body("checkedRows.attribute_change", greaterThan(1))
                .body("checkedRows.customer_event_log", greaterThan(4))
                .body("checkedRows.customer_event", greaterThan(3))
                .body("checkedRows.ruleset_activation", greaterThan(0));
        as(Users.AUDITOR).when().get("/history/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    private static String text(String sql) throws SQLException {
        try (Connection connection = DatabaseOwner.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Test
    void shouldNameAnEntryRewrittenWithTheTriggersDisabled() throws SQLException {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200);
        postFacts(id, facts().with("distributorOptIn", true).daysLater(1)).statusCode(200);
        int forged = entryIds(id).get(1);
        String reasons = text("SELECT reasons::text FROM history_entry WHERE id = " + forged);
        asOwnerPastTheTriggers("history_entry",
                "UPDATE history_entry SET reasons = '[\"伪造的理由\"]' WHERE id = " + forged);
        try {
            // The API serves the forged entry, and verify names it.
            history(id).body("find { it.id == " + forged + " }.reasons", equalTo(List.of("伪造的理由")));
            verify(id).body("ok", equalTo(false))
                    .body("firstBroken.table", equalTo("history_entry"))
                    .body("firstBroken.customerId", equalTo(id))
                    .body("firstBroken.id", equalTo(String.valueOf(forged)))
                    .body("firstBroken.reason", containsString("content does not match its hash"));
        } finally {
            asOwnerPastTheTriggers("history_entry",
                    "UPDATE history_entry SET reasons = " + quoted(reasons) + "::jsonb WHERE id = " + forged);
        }
        verify(id).body("ok", equalTo(true));
    }

    @Test
    void shouldNameTheEntryAfterOneRemovedAndAnEntryAddedPastTheService() throws SQLException {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200);
        List<Integer> ids = entryIds(id);
        int removed = ids.get(1);
        String row = text("SELECT row_to_json(h)::text FROM history_entry h WHERE id = " + removed);
        asOwnerPastTheTriggers("history_entry", "DELETE FROM history_entry WHERE id = " + removed);
        try {
            verify(id).body("ok", equalTo(false))
                    .body("firstBroken.table", equalTo("history_entry"))
                    .body("firstBroken.id", equalTo(String.valueOf(ids.get(2))))
                    .body("firstBroken.reason", containsString("does not link to the row before it"));
        } finally {
            asOwnerPastTheTriggers("history_entry", "INSERT INTO history_entry OVERRIDING SYSTEM VALUE"
                    + " SELECT * FROM json_populate_record(NULL::history_entry, " + quoted(row) + "::json)");
        }
        verify(id).body("ok", equalTo(true));

        // A forged entry inserted with the triggers disabled has no hash (or a wrong one).
        asOwnerPastTheTriggers("history_entry", "INSERT INTO history_entry (evaluation_id, customer_id, dimension,"
                + " kind, to_value, reasons, as_of, cause, ruleset_version) SELECT evaluation_id, customer_id,"
                + " 'tier', 'UPGRADE', 'DISTRIBUTOR', '[\"伪造\"]', as_of, cause, ruleset_version FROM history_entry"
                + " WHERE id = " + ids.get(0));
        int added = entryIds(id).get(ids.size());
        try {
            verify(id).body("ok", equalTo(false))
                    .body("firstBroken.id", equalTo(String.valueOf(added)))
                    .body("firstBroken.reason", containsString("no hash"));
        } finally {
            asOwnerPastTheTriggers("history_entry", "DELETE FROM history_entry WHERE id = " + added);
        }
        verify(id).body("ok", equalTo(true));
    }

    @Test
    void shouldNameAnEventChangedPastTheCorrectionPath() throws SQLException {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200);
        String fields = text("SELECT fields::text FROM customer_event WHERE customer_id = " + quoted(id)
                + " AND event_id = 'p0'");
        // customer_event has no append-only trigger (corrections replace rows); an UPDATE from outside is seen.
        asOwnerPastTheTriggers("customer_event", "UPDATE customer_event SET fields = '{\"amount\": 99999}'"
                + " WHERE customer_id = " + quoted(id) + " AND event_id = 'p0'");
        try {
            verify(id).body("ok", equalTo(false))
                    .body("firstBroken.table", equalTo("customer_event"))
                    .body("firstBroken.id", equalTo("p0"))
                    .body("firstBroken.found", containsString("99999"))
                    .body("firstBroken.reason", containsString("changed past the service"));
        } finally {
            asOwnerPastTheTriggers("customer_event", "UPDATE customer_event SET fields = " + quoted(fields)
                    + "::jsonb WHERE customer_id = " + quoted(id) + " AND event_id = 'p0'");
        }
        verify(id).body("ok", equalTo(true));
    }

    @Test
    void shouldNoticeACustomersHistoryEmptiedAsATruncateWould() throws SQLException {
        String id = newCustomerId();
        postFacts(id, repeatBuyer()).statusCode(200);
        String rows = text("SELECT json_agg(h)::text FROM history_entry h WHERE customer_id = " + quoted(id));
        int evaluation = Integer.parseInt(text("SELECT min(evaluation_id)::text FROM history_entry WHERE customer_id = "
                + quoted(id)));
        // TRUNCATE would empty every customer's history in the shared test database; this empties one customer's.
        asOwnerPastTheTriggers("history_entry", "DELETE FROM history_entry WHERE customer_id = " + quoted(id));
        try {
            verify(id).body("ok", equalTo(false))
                    .body("firstBroken.table", equalTo("history_entry"))
                    .body("firstBroken.id", equalTo(String.valueOf(evaluation)))
                    .body("firstBroken.reason", containsString("has no entries"));
        } finally {
            asOwnerPastTheTriggers("history_entry", "INSERT INTO history_entry OVERRIDING SYSTEM VALUE"
                    + " SELECT * FROM json_populate_recordset(NULL::history_entry, " + quoted(rows) + "::json)");
        }
        verify(id).body("ok", equalTo(true));
    }
}
