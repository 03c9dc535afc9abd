package com.tierupgrade.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The users the tests call the service as. Every request carries the credentials of {@link #TESTER} (all roles) unless
 * a test says otherwise with {@link #as} or {@link #anonymous}; {@link UsesCredentials} sets that up.
 */
public final class Users {

    /** Exists only in the test profile, with every role. */
    public static final String TESTER = "tester";
    /**
     * The users created on first start, whose password is their name (application.properties): one role each, but
     * the editor also reads as an auditor.
     */
    public static final String INGEST = "ingest";
    public static final String EDITOR = "editor";
    public static final String AUDITOR = "auditor";
    /** Only in the test profile: the editor role alone, for the role matrix. */
    public static final String EDITOR_ONLY = "editor-only";

    private Users() {
    }

    /** Every later request authenticates as the tester unless it says otherwise. */
    static void authenticateAsTester() {
        RestAssured.authentication = RestAssured.preemptive().basic(TESTER, TESTER);
    }

    /** A request as one of the users above (their password is their name). */
    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }

    /** A request without credentials: one the document does not allow, so only its answer is checked. */
    public static RequestSpecification anonymous() {
        return OpenApiContract.invalidRequest().auth().none();
    }
}
