package com.tierupgrade.publishing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.publishing.draft.Draft;
import com.tierupgrade.publishing.draft.DraftConflict;
import com.tierupgrade.publishing.draft.DraftNotFound;
import com.tierupgrade.publishing.draft.Drafts;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

/**
 * The editors' workflow: start a draft from the active rules, publish a draft with a comment (approved by a second
 * editor first when four eyes are required), roll back to an earlier version as a new publication.
 */
@ApplicationScoped
public class Publishing {

    private final RuleSetActivation activation;
    private final Drafts drafts;
    private final StoredRuleSets stored;
    private final ActiveRuleSet active;
    private final boolean fourEyes;

    Publishing(RuleSetActivation activation, Drafts drafts, StoredRuleSets stored, ActiveRuleSet active,
            RulesConfig config) {
        this.activation = activation;
        this.drafts = drafts;
        this.stored = stored;
        this.active = active;
        this.fourEyes = config.fourEyes();
    }

    public boolean fourEyes() {
        return fourEyes;
    }

    /** A new draft holding the active rule files and scenarios, with {@code changes} applied (null removes). */
    public Draft startDraft(String title, Map<String, String> changes, String user) {
        if (title == null || title.isBlank()) {
            throw new InvalidInput("The draft is not valid", List.of(new FieldProblem("title", "is required")));
        }
        DraftFiles.requireValidNames(changes, "The draft is not valid");
        RuleSet base = active.current();
        Map<String, String> files = new TreeMap<>(DraftFiles.join(base.files(), activation.scenarioFiles()));
        changes.forEach((name, content) -> {
            if (content == null) {
                files.remove(name);
            } else {
                files.put(name, content);
            }
        });
        return drafts.create(title.strip(), user, base.version(), files);
    }

    public Draft save(long id, Integer revision, String title, Map<String, String> changes, String user) {
        DraftFiles.requireValidNames(changes, "The draft is not valid");
        return drafts.save(id, requireRevision(revision), title == null || title.isBlank() ? null : title.strip(),
                changes, user);
    }

    public Draft approve(long id, Integer revision, String user) {
        return drafts.approve(id, requireRevision(revision), user);
    }

    /** Publishes the draft at {@code revision} with a comment, gated as every rule set is. */
    public StoredRuleSets.Activation publish(long id, Integer revision, String comment, String user) {
        String why = requireComment(comment);
        int at = requireRevision(revision);
        Draft draft = draft(id);
        if (draft.published()) {
            throw new DraftConflict("Draft " + id + " is already published (publication " + draft.publicationId()
                    + ")", List.of(new FieldProblem("id", "published")));
        }
        if (draft.revision() != at) {
            throw new DraftConflict("Draft " + id + " is at revision " + draft.revision() + " (saved by "
                    + draft.savedBy() + "), not " + at + "; review it again before publishing",
                    List.of(new FieldProblem("revision", "is " + draft.revision())));
        }
        if (fourEyes && !draft.approved()) {
            throw new DraftConflict("Draft " + id + " needs the approval of a second editor before it is published"
                    + (draft.approvedRevision() == null ? ""
                            : ": revision " + draft.approvedRevision() + " was approved by " + draft.approvedBy()
                                    + ", and it was changed since (now revision " + draft.revision() + ")"),
                    List.of(new FieldProblem("approvedBy", "an approval of revision " + draft.revision()
                            + " is required")));
        }
        return activation.publish(DraftFiles.rules(draft.files()), DraftFiles.scenarios(draft.files()),
                new RuleSetActivation.Publisher(RuleSetActivation.PUBLISH, draft.author(), draft.approvedBy(), user,
                        why, draft), true, "draft " + id);
    }

    /** Publishes an earlier version again, with the scenarios it was published with. */
    public StoredRuleSets.Activation rollBack(String version, String comment, String user) {
        String why = requireComment(comment);
        StoredRuleSets.Publication earlier = stored.latestOf(version).orElseThrow(() -> new RuleSetNotFound(version));
        Map<String, String> scenarios = earlier.scenarios() != null ? earlier.scenarios() : activation.scenarioFiles();
        return activation.publish(earlier.files(), scenarios, new RuleSetActivation.Publisher(
                RuleSetActivation.ROLLBACK, user, null, user, why, null), true, "version " + version);
    }

    public Draft draft(long id) {
        return drafts.find(id).orElseThrow(() -> new DraftNotFound(id));
    }

    private static String requireComment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInput("A publication needs a comment",
                    List.of(new FieldProblem("comment", "is required: say why the rules change")));
        }
        return comment.strip();
    }

    private static int requireRevision(Integer revision) {
        if (revision == null || revision < 1) {
            throw new InvalidInput("The revision you started from is required",
                    List.of(new FieldProblem("revision", "must be the draft's revision you read (1 or more)")));
        }
        return revision;
    }
}
