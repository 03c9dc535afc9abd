package com.tierupgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.Endpoints;
import com.tierupgrade.testing.OpenApiContract;
import com.tierupgrade.testing.RawHttp;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The fuzz test of issue 16: thousands of malformed requests ({@link HostileRequests}, seed fixed so a failure can
 * be replayed) against every endpoint. Every one must be refused with a 4xx — never a 5xx, never accepted — and no
 * table of the service may gain or lose a row.
 */
@QuarkusTest
class HostileRequestsTest {

    private static final long SEED = 16;
    private static final int PER_ENDPOINT = 90;

    @Inject
    DataSource dataSource;

    @Test
    void shouldRefuseEveryMalformedRequestWithA4xxAndStoreNothing() {
        List<Endpoints.Endpoint> endpoints = Endpoints.all();
        List<HostileRequests.Request> requests = new HostileRequests(SEED).generate(endpoints, PER_ENDPOINT);
        Map<String, Long> before = rowCounts();

        List<String> wrong = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (HostileRequests.Request request : requests) {
            RawHttp.Answer answer = RawHttp.send(request.method(), request.target(), request.body());
            statuses.merge(request.endpoint() + " " + answer.status(), 1, Integer::sum);
            if (answer.status() < 400 || answer.status() >= 500) {
                wrong.add(answer.status() + " for " + request + "\n    " + abbreviated(answer.body()));
            } else {
                undocumented.addAll(undocumented(request, answer));
            }
        }

        assertTrue(requests.size() >= 2000, "a corpus of a few thousand requests: " + requests.size());
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())),
                wrong.size() + " of " + requests.size() + " requests not refused with a 4xx (seed " + SEED + ")");
        assertEquals(before, rowCounts(), "rows written by refused requests");
        assertEquals(List.of(), undocumented.subList(0, Math.min(10, undocumented.size())),
                undocumented.size() + " refusals that do not match the OpenAPI document (seed " + SEED + ")");
        System.out.println("Hostile requests by endpoint and status: " + statuses);
    }

    /**
     * The refusal checked against the OpenAPI document as an answer of the operation the request was meant for
     * (the request itself is invalid on purpose): a status it documents, with the body it documents.
     */
    private static List<String> undocumented(HostileRequests.Request request, RawHttp.Answer answer) {
        String path = request.endpoint().template().replaceAll("\\{[^}]+}", "1");
        try {
            OpenApiContract.assertAnswerMatches(request.endpoint().method(), path, answer.status(),
                    answer.contentType(), answer.body());
            return List.of();
        } catch (AssertionError e) {
            return List.of(request + "\n    " + e.getMessage());
        }
    }

    /** Rows of every table of the service's schema. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'tierup' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM tierup.\"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
