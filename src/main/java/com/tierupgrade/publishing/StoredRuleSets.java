package com.tierupgrade.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tierupgrade.db.Jdbc;
import com.tierupgrade.publishing.draft.Draft;
import com.tierupgrade.publishing.draft.DraftConflict;
import com.tierupgrade.web.FieldProblem;

/**
 * Every rule set that was ever published, with its files, and every publication (an activation every instance
 * follows): who published and approved it, why, the scenarios it passed and the what-if it was published with.
 * Append and read only.
 */
@ApplicationScoped
public class StoredRuleSets {

    /** The channel a publication is announced on; the payload is the publication's id. */
    public static final String CHANNEL = "ruleset_published";

    /** One publication (activation) of a version. Rows from before drafts existed have no author or comment. */
    public record Activation(long id, String version, Instant activatedAt, String trigger,
            @Schema(nullable = true) String author, @Schema(nullable = true) String approver,
            @Schema(nullable = true) String publishedBy, @Schema(nullable = true) String comment,
            @Schema(nullable = true) Long draftId) {
    }

    /** A stored version with its files and every time it was published, latest first. */
    public record StoredVersion(String version, Map<String, String> files, Instant createdAt,
            List<Activation> activations) {
    }

    /** What an instance needs to activate a publication: its rule files and the scenarios it was gated with. */
    public record Publication(Activation activation, Map<String, String> files,
            @Schema(nullable = true) Map<String, String> scenarios) {
    }

    /** A publication to write: the checked rule set and who, why and with which what-if. */
    public record NewPublication(String version, Map<String, String> files, Map<String, String> scenarios,
            String trigger, String author, String approver, String publishedBy, String comment, Draft draft,
            Object whatIf) {
    }

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
    };
    private static final String ACTIVATIONS = """
            SELECT id, version, activated_at, trigger, author, approver, published_by, comment, draft_id
            FROM ruleset_activation""";

    private final Jdbc jdbc;

    StoredRuleSets(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the version (once) and a publication of it, and announces the publication to every instance; the
     * announcement is delivered when the caller's transaction commits, so nobody hears of an uncommitted one.
     */
    @Transactional
    public long publish(NewPublication publication) {
        jdbc.update("INSERT INTO ruleset (version, files) VALUES (?, ?::jsonb) ON CONFLICT (version) DO NOTHING",
                publication.version(), jdbc.json(publication.files()));
        long id = jdbc.one("""
                INSERT INTO ruleset_activation (version, trigger, author, approver, published_by, comment, draft_id,
                                                scenarios, what_if)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) RETURNING id""", row -> row.getLong(1),
                publication.version(), publication.trigger(), publication.author(), publication.approver(),
                publication.publishedBy(), publication.comment(), publication.draft() == null ? null : publication.draft().id(),
                jdbc.json(publication.scenarios()), jdbc.json(publication.whatIf())).orElseThrow();
        if (publication.draft() != null && jdbc.update("""
                UPDATE ruleset_draft SET publication_id = ? WHERE id = ? AND revision = ? AND publication_id IS NULL""",
                id, publication.draft().id(), publication.draft().revision()) == 0) {
            throw new DraftConflict("Draft " + publication.draft().id() + " was saved or published by someone else "
                    + "while it was checked; reload it", List.of(new FieldProblem("revision", "changed")));
        }
        jdbc.one("SELECT pg_notify(?, ?)", row -> row.getString(1), CHANNEL, Long.toString(id));
        return id;
    }

    public Optional<String> lastActivatedVersion() {
        return jdbc.one("SELECT version FROM ruleset_activation ORDER BY id DESC LIMIT 1", row -> row.getString(1));
    }

    /** The latest publication: the one every instance should be serving. */
    public Optional<Publication> latest() {
        return jdbc.one("""
                SELECT a.id, a.version, a.activated_at, a.trigger, a.author, a.approver, a.published_by, a.comment,
                       a.draft_id, r.files, a.scenarios
                FROM ruleset_activation a JOIN ruleset r ON r.version = a.version ORDER BY a.id DESC LIMIT 1""",
                row -> new Publication(activation(row), jdbc.fromJson(row.getString(10), FILES),
                        jdbc.fromJson(row.getString(11), FILES)));
    }

    /** The id of the latest publication, cheap enough to ask every few seconds. */
    public Optional<Long> latestId() {
        return jdbc.one("SELECT id FROM ruleset_activation ORDER BY id DESC LIMIT 1", row -> row.getLong(1));
    }

    /** The latest publication of a version, with the scenarios it was gated with. */
    public Optional<Publication> latestOf(String version) {
        return find(version).map(stored -> {
            Map<String, String> scenarios = jdbc.one("""
                    SELECT scenarios FROM ruleset_activation WHERE version = ? AND scenarios IS NOT NULL
                    ORDER BY id DESC LIMIT 1""", row -> jdbc.fromJson(row.getString(1), FILES), version).orElse(null);
            return new Publication(stored.activations().get(0), stored.files(), scenarios);
        });
    }

    /** The what-if a publication was published with, as stored (none for rules-folder imports). */
    public Optional<Object> whatIf(long publicationId) {
        return jdbc.one("SELECT what_if FROM ruleset_activation WHERE id = ? AND what_if IS NOT NULL",
                row -> (Object) jdbc.jsonTree(row.getString(1)), publicationId);
    }

    public Optional<Activation> publication(long id) {
        return jdbc.one(ACTIVATIONS + " WHERE id = ?", StoredRuleSets::activation, id);
    }

    /** The version that was published before publication {@code id}. */
    public Optional<String> versionBefore(long id) {
        return jdbc.one("SELECT version FROM ruleset_activation WHERE id < ? ORDER BY id DESC LIMIT 1",
                row -> row.getString(1), id);
    }

    /** All activations, latest first. */
    public List<Activation> activations() {
        return jdbc.list(ACTIVATIONS + " ORDER BY id DESC", StoredRuleSets::activation);
    }

    public Optional<StoredVersion> find(String version) {
        return jdbc.one("SELECT files, created_at FROM ruleset WHERE version = ?",
                row -> new StoredVersion(version, jdbc.fromJson(row.getString(1), FILES),
                        row.getTimestamp(2).toInstant(),
                        jdbc.list(ACTIVATIONS + " WHERE version = ? ORDER BY id DESC", StoredRuleSets::activation,
                                version)),
                version);
    }

    private static Activation activation(ResultSet row) throws SQLException {
        return new Activation(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), (Long) row.getObject(9));
    }
}
