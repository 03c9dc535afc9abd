package com.tierupgrade.users;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tierup.users")
public interface UsersConfig {

    /**
     * Users created at start-up when no user of that name exists, by name. An existing user is never changed from
     * here: change a password with {@code PUT /users/me/password}.
     */
    Map<String, InitialUser> initial();

    /**
     * How long a password that was checked against its bcrypt hash is trusted without checking it again. bcrypt is
     * slow on purpose (tens of milliseconds), too slow to run on every request of an ingest system.
     */
    @WithDefault("60s")
    Duration verifiedFor();

    interface InitialUser {

        /** The password the user gets when created; stored only as a bcrypt hash. */
        String password();

        /** The roles: any of ingest, editor, auditor. */
        List<String> roles();
    }
}
