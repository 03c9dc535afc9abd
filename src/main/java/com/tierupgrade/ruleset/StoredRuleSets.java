package com.tierupgrade.ruleset;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.rules.RuleSet;

/** Every rule set that was ever active, with its files and activations. Append and read only. */
@ApplicationScoped
public class StoredRuleSets {

    /** One activation of a version. */
    public record Activation(String version, Instant activatedAt, String trigger) {
    }

    /** A stored version with its files and every time it became active, latest first. */
    public record StoredVersion(String version, Map<String, String> files, Instant createdAt,
            List<Activation> activations) {
    }

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;

    StoredRuleSets(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @Transactional
    public void recordActivation(RuleSet ruleSet, String trigger) {
        entityManager.createNativeQuery("""
                INSERT INTO ruleset (version, files) VALUES (?1, CAST(?2 AS jsonb)) ON CONFLICT (version) DO NOTHING""")
                .setParameter(1, ruleSet.version()).setParameter(2, write(ruleSet.files())).executeUpdate();
        entityManager.createNativeQuery("INSERT INTO ruleset_activation (version, trigger) VALUES (?1, ?2)")
                .setParameter(1, ruleSet.version()).setParameter(2, trigger).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> lastActivatedVersion() {
        List<?> rows = entityManager.createNativeQuery(
                "SELECT version FROM ruleset_activation ORDER BY id DESC LIMIT 1").getResultList();
        return rows.stream().map(Object::toString).findFirst();
    }

    /** All activations, latest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Activation> activations() {
        return activationsWhere("", null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredVersion> find(String version) {
        List<?> rows = entityManager.createNativeQuery(
                "SELECT CAST(files AS text), created_at FROM ruleset WHERE version = ?1")
                .setParameter(1, version).getResultList();
        return rows.stream().map(row -> (Object[]) row).findFirst().map(row -> new StoredVersion(version,
                read((String) row[0]), instant(row[1]), activationsWhere("WHERE version = ?1", version)));
    }

    private List<Activation> activationsWhere(String where, String version) {
        var query = entityManager.createNativeQuery(
                "SELECT version, activated_at, trigger FROM ruleset_activation " + where + " ORDER BY id DESC");
        if (version != null) {
            query.setParameter(1, version);
        }
        return ((List<?>) query.getResultList()).stream().map(row -> (Object[]) row)
                .map(row -> new Activation((String) row[0], instant(row[1]), (String) row[2])).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }

    private String write(Map<String, String> files) {
        try {
            return json.writeValueAsString(files);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String files) {
        try {
            return json.readValue(files, FILES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
