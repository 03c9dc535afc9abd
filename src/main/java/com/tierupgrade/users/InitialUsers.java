package com.tierupgrade.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the users of {@code tierup.users.initial} that do not exist yet, so the service can be used right after its
 * first start, and warns while any of them still has its name as password (the documented try-out default).
 */
@ApplicationScoped
public class InitialUsers {

    private static final Logger LOG = Logger.getLogger(InitialUsers.class);

    private final UserStore users;
    private final UsersConfig config;

    InitialUsers(UserStore users, UsersConfig config) {
        this.users = users;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, UsersConfig.InitialUser> entry : config.initial().entrySet()) {
            String name = entry.getKey();
            UsersConfig.InitialUser user = entry.getValue();
            List<String> unknown = user.roles().stream().filter(role -> !Roles.ALL.contains(role)).toList();
            if (!unknown.isEmpty() || user.roles().isEmpty() || user.password().isBlank()) {
                throw new IllegalStateException("tierup.users.initial." + name + ": needs a password and roles from "
                        + Roles.ALL + (unknown.isEmpty() ? "" : "; unknown roles " + unknown));
            }
            if (users.createIfMissing(name, user.password(), user.roles())) {
                created.add(name + " " + user.roles());
            }
        }
        if (!created.isEmpty()) {
            LOG.infof("Created users from tierup.users.initial: %s", String.join(", ", created));
        }
        // Checking a password is a bcrypt hash per user: done after the start, not before the service is ready.
        Thread check = new Thread(this::warnAboutDefaultPasswords, "default-password-check");
        check.setDaemon(true);
        check.start();
    }

    private void warnAboutDefaultPasswords() {
        List<String> withDefaultPassword = config.initial().keySet().stream()
                .filter(name -> users.hasPassword(name, name)).toList();
        if (!withDefaultPassword.isEmpty()) {
            LOG.warnf("WARNING: the users %s still have their name as password, the default for a local try-out. "
                    + "Anyone who can reach this service can use them. Change them before production: "
                    + "PUT /users/me/password as each user (see docs/operations.md).", withDefaultPassword);
        }
    }
}
