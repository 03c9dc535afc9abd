package com.tierupgrade.publishing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears of publications made on any instance through PostgreSQL's LISTEN/NOTIFY and activates them here; checks
 * every {@code tierup.rules.check-every} as well, in case a notification was missed (a lost connection). Listens on a
 * connection of its own, outside the pool (a pooled one would be taken from requests for good), and reconnects after
 * a database outage.
 */
@ApplicationScoped
public class PublicationListener {

    private static final Logger LOG = Logger.getLogger(PublicationListener.class);
    private static final long RECONNECT_MILLIS = 1000;

    private final String url;
    private final Properties credentials = new Properties();
    private final RuleSetActivation activation;
    private final long checkEveryMillis;
    private volatile boolean running;
    private Thread thread;

    PublicationListener(Config quarkus, RuleSetActivation activation, RulesConfig config) {
        this.url = quarkus.getValue("quarkus.datasource.jdbc.url", String.class);
        quarkus.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(user -> credentials.setProperty("user", user));
        quarkus.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> credentials.setProperty("password", password));
        this.activation = activation;
        this.checkEveryMillis = Math.max(100, config.checkEvery().toMillis());
    }

    synchronized void start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this::listen, "ruleset-publications");
            thread.setDaemon(true);
            thread.start();
        }
    }

    synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, credentials)) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + StoredRuleSets.CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                warned = false;
                follow(); // whatever was published while this instance was not listening
                long nextCheck = System.currentTimeMillis() + checkEveryMillis;
                while (running) {
                    long wait = Math.max(1, nextCheck - System.currentTimeMillis());
                    PGNotification[] notifications = postgres.getNotifications((int) wait);
                    boolean due = System.currentTimeMillis() >= nextCheck;
                    if ((notifications != null && notifications.length > 0) || due) {
                        follow();
                    }
                    if (due) {
                        nextCheck = System.currentTimeMillis() + checkEveryMillis;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    if (!warned) {
                        LOG.warnf("Listening for rule-set publications failed (%s); trying again every %d ms",
                                e.getMessage(), RECONNECT_MILLIS);
                        warned = true;
                    }
                    pause();
                }
            }
        }
    }

    private void follow() {
        activation.followLatest(null);
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
