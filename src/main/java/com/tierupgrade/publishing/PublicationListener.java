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

import com.tierupgrade.publishing.draft.Drafts;

/**
 * Hears of publications made on any instance through PostgreSQL's LISTEN/NOTIFY and activates them here; checks
 * every {@code tierup.rules.check-every} as well, in case a notification was missed (a lost connection). Listens on a
 * connection of its own, outside the pool (a pooled one would be taken from requests for good), and reconnects after
 * a database outage. Hears of saved drafts too, and has them checked in the background (compiled, scenarios run),
 * so that when one is published this instance only swaps: the publication is active here within a second or two.
 */
@ApplicationScoped
public class PublicationListener {

    private static final Logger LOG = Logger.getLogger(PublicationListener.class);
    private static final long RECONNECT_MILLIS = 1000;

    private final String url;
    private final Properties credentials = new Properties();
    private final RuleSetActivation activation;
    private final Drafts drafts;
    private final long checkEveryMillis;
    private volatile boolean running;
    private Thread thread;

    PublicationListener(Config quarkus, RuleSetActivation activation, Drafts drafts, RulesConfig config) {
        this.drafts = drafts;
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
                    statement.execute("LISTEN " + Drafts.CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                warned = false;
                follow(); // whatever was published while this instance was not listening
                long nextCheck = System.currentTimeMillis() + checkEveryMillis;
                while (running) {
                    long wait = Math.max(1, nextCheck - System.currentTimeMillis());
                    PGNotification[] notifications = postgres.getNotifications((int) wait);
                    boolean due = System.currentTimeMillis() >= nextCheck;
                    boolean published = false;
                    for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                        if (Drafts.CHANNEL.equals(notification.getName())) {
                            prepare(notification.getParameter());
                        } else {
                            published = true;
                        }
                    }
                    if (published || due) {
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

    /** A draft was saved (here or elsewhere): checked in the background, so that publishing it is a swap here. */
    private void prepare(String draftId) {
        try {
            drafts.find(Long.parseLong(draftId)).filter(draft -> !draft.published()).ifPresent(draft -> activation
                    .prepare(DraftFiles.rules(draft.files()), DraftFiles.scenarios(draft.files())));
        } catch (NumberFormatException e) {
            LOG.debugf("Ignoring the draft notification %s", draftId);
        }
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
