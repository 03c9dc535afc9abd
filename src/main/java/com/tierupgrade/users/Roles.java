package com.tierupgrade.users;

import java.util.Set;

/** The roles a user can have. Which endpoints each may call is set in application.properties. */
public final class Roles {

    /** Upstream systems that post customers' facts. */
    public static final String INGEST = "ingest";
    /** Marketers and rule editors: rule sets, validation, simulation, re-evaluation, dry runs, audiences. */
    public static final String EDITOR = "editor";
    /** Read-only: customers, history, explanations, audiences, the dashboard and the console. */
    public static final String AUDITOR = "auditor";

    public static final Set<String> ALL = Set.of(INGEST, EDITOR, AUDITOR);

    private Roles() {
    }
}
