package com.tierupgrade.publishing.draft;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tierupgrade.db.Jdbc;
import com.tierupgrade.web.FieldProblem;

/**
 * Drafts kept in PostgreSQL, so they survive restarts and every instance sees the same. Saving names the revision
 * the editor started from; a draft saved by someone else since is refused with the files they changed, never
 * overwritten. Every revision is kept.
 */
@ApplicationScoped
public class Drafts {

    /** Announced with the draft's id whenever a draft is created or saved, so instances can check it ahead. */
    public static final String CHANNEL = "ruleset_draft_saved";

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            SELECT id, title, author, base_version, revision, created_at, saved_by, saved_at, approved_by, approved_at,
                   approved_revision, publication_id, files FROM ruleset_draft""";
    private static final int LIST_LIMIT = 200;

    private final Jdbc jdbc;

    Drafts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Draft create(String title, String author, String baseVersion, Map<String, String> files) {
        long id = jdbc.one("""
                INSERT INTO ruleset_draft (title, author, base_version, files, saved_by) VALUES (?, ?, ?, ?::jsonb, ?)
                RETURNING id""", row -> row.getLong(1), title, author, baseVersion, jdbc.json(files), author)
                .orElseThrow();
        jdbc.update("INSERT INTO ruleset_draft_revision (draft_id, revision, files, saved_by) VALUES (?, 1, ?::jsonb, ?)",
                id, jdbc.json(files), author);
        announce(id);
        return find(id).orElseThrow();
    }

    public Optional<Draft> find(long id) {
        return jdbc.one(COLUMNS + " WHERE id = ?", this::draft, id);
    }

    /** The latest drafts first, without their files. */
    public List<Draft> list() {
        return jdbc.list(COLUMNS + " ORDER BY id DESC LIMIT " + LIST_LIMIT, row -> draft(row).withoutFiles());
    }

    /** The latest draft started by {@code author} (the rules folder's imports are found this way). */
    public Optional<Draft> latestBy(String author) {
        return jdbc.one(COLUMNS + " WHERE author = ? ORDER BY id DESC LIMIT 1", this::draft, author);
    }

    /**
     * Saves a new revision: {@code changes} replace files of the same name, a null content removes one. Refused when
     * the draft is no longer at {@code fromRevision} or is already published.
     */
    @Transactional
    public Draft save(long id, int fromRevision, String title, Map<String, String> changes, String user) {
        Draft current = jdbc.one(COLUMNS + " WHERE id = ? FOR UPDATE", this::draft, id)
                .orElseThrow(() -> new DraftNotFound(id));
        refuseIfPublished(current);
        if (current.revision() != fromRevision) {
            throw changedSince(current, fromRevision);
        }
        Map<String, String> files = new HashMap<>(current.files());
        changes.forEach((name, content) -> {
            if (content == null) {
                files.remove(name);
            } else {
                files.put(name, content);
            }
        });
        int revision = current.revision() + 1;
        jdbc.update("""
                UPDATE ruleset_draft SET title = ?, files = ?::jsonb, revision = ?, saved_by = ?, saved_at = now()
                WHERE id = ?""", title == null ? current.title() : title, jdbc.json(files), revision, user, id);
        jdbc.update("INSERT INTO ruleset_draft_revision (draft_id, revision, files, saved_by) VALUES (?, ?, ?::jsonb, ?)",
                id, revision, jdbc.json(files), user);
        announce(id);
        return find(id).orElseThrow();
    }

    /** Delivered when the caller's transaction commits. */
    private void announce(long id) {
        jdbc.one("SELECT pg_notify(?, ?)", row -> row.getString(1), CHANNEL, Long.toString(id));
    }

    /** A second editor approves the revision they reviewed; whoever saved any revision of the draft cannot. */
    @Transactional
    public Draft approve(long id, int revision, String user) {
        Draft current = jdbc.one(COLUMNS + " WHERE id = ? FOR UPDATE", this::draft, id)
                .orElseThrow(() -> new DraftNotFound(id));
        refuseIfPublished(current);
        if (current.revision() != revision) {
            throw changedSince(current, revision);
        }
        Optional<Integer> own = jdbc.one("""
                SELECT min(revision) FROM ruleset_draft_revision WHERE draft_id = ? AND saved_by = ? HAVING count(*) > 0""",
                row -> row.getInt(1), id, user);
        if (current.author().equals(user) || own.isPresent()) {
            throw new DraftConflict("You cannot approve draft " + id + ": you "
                    + (current.author().equals(user) ? "started it" : "saved revision " + own.get() + " of it")
                    + "; a second editor must approve it", List.of(new FieldProblem("approvedBy", "must not be an author")));
        }
        jdbc.update("UPDATE ruleset_draft SET approved_by = ?, approved_at = now(), approved_revision = ? WHERE id = ?",
                user, revision, id);
        return find(id).orElseThrow();
    }

    private void refuseIfPublished(Draft draft) {
        if (draft.published()) {
            throw new DraftConflict("Draft " + draft.id() + " is already published (publication "
                    + draft.publicationId() + "); start a new draft", List.of(new FieldProblem("id", "published")));
        }
    }

    /** The refusal of a save based on an older revision: who saved since, and which files differ. */
    private DraftConflict changedSince(Draft current, int fromRevision) {
        Map<String, String> then = jdbc.one("SELECT files FROM ruleset_draft_revision WHERE draft_id = ? AND revision = ?",
                row -> jdbc.fromJson(row.getString(1), FILES), current.id(), fromRevision).orElse(Map.of());
        TreeSet<String> names = new TreeSet<>(then.keySet());
        names.addAll(current.files().keySet());
        List<FieldProblem> changed = names.stream()
                .filter(name -> !Objects.equals(then.get(name), current.files().get(name)))
                .map(name -> new FieldProblem("files." + name, then.containsKey(name)
                        ? current.files().containsKey(name) ? "changed" : "removed" : "added"))
                .toList();
        return new DraftConflict("Draft " + current.id() + " was saved by " + current.savedBy() + " at "
                + current.savedAt() + " (revision " + current.revision() + ") after revision " + fromRevision
                + " that you started from; changed since: "
                + (changed.isEmpty() ? "only the title" : String.join(", ", changed.stream()
                        .map(p -> p.field().substring("files.".length()) + " " + p.message()).toList()))
                + ". Reload the draft and apply your change again.", changed);
    }

    private Draft draft(ResultSet row) throws SQLException {
        int revision = row.getInt(5);
        Integer approvedRevision = (Integer) row.getObject(11);
        return new Draft(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), revision,
                row.getTimestamp(6).toInstant(), row.getString(7), row.getTimestamp(8).toInstant(), row.getString(9),
                row.getTimestamp(10) == null ? null : row.getTimestamp(10).toInstant(), approvedRevision,
                approvedRevision != null && approvedRevision == revision, (Long) row.getObject(12),
                jdbc.fromJson(row.getString(13), FILES));
    }
}
