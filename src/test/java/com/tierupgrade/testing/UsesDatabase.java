package com.tierupgrade.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database for every @QuarkusTest in the module. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class UsesDatabase {

    private UsesDatabase() {
    }
}
