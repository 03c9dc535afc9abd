package com.tierupgrade.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

import com.tierupgrade.db.Jdbc;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * The users who may call the service (table {@code app_user}): name, bcrypt hash of the password, roles. A password
 * that matched its hash is remembered, as a salted SHA-256 digest in memory only, for {@code tierup.users.verified-for},
 * so a client that sends the same credentials on every request costs one bcrypt check per period, not per request.
 */
@ApplicationScoped
public class UserStore {

    /** A user whose password was checked, until when. */
    private record Verified(byte[] digest, Set<String> roles, long untilNanos) {
    }

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();

    private final Jdbc jdbc;
    private final long verifiedForNanos;
    private final byte[] salt = new byte[32];
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    /** Checked when the user does not exist, so that a wrong name costs the same time as a wrong password. */
    private final String unknownUserHash = BcryptUtil.bcryptHash("no such user");

    UserStore(Jdbc jdbc, UsersConfig config) {
        this.jdbc = jdbc;
        this.verifiedForNanos = config.verifiedFor().toNanos();
        new SecureRandom().nextBytes(salt);
    }

    /** The roles of the user when the password is right, from memory if it was checked recently; never blocks. */
    public Optional<Set<String>> recentlyVerified(String username, char[] password) {
        Verified entry = verified.get(username);
        if (entry == null || System.nanoTime() - entry.untilNanos() > 0
                || !MessageDigest.isEqual(entry.digest(), digest(username, password))) {
            return Optional.empty();
        }
        return Optional.of(entry.roles());
    }

    /** The roles of the user when the password is right. Reads the database and checks the bcrypt hash: blocking. */
    public Optional<Set<String>> authenticate(String username, char[] password) {
        Optional<StoredUser> user = find(username);
        boolean matches = matches(user.map(StoredUser::passwordHash).orElse(unknownUserHash), password);
        if (user.isEmpty() || !matches) {
            return Optional.empty();
        }
        Set<String> roles = user.get().roles();
        verified.put(username, new Verified(digest(username, password), roles, System.nanoTime() + verifiedForNanos));
        return Optional.of(roles);
    }

    /** Whether the stored password of the user is {@code password}. */
    public boolean hasPassword(String username, String password) {
        return find(username).map(user -> matches(user.passwordHash(), password.toCharArray())).orElse(false);
    }

    /** Creates the user unless one of that name exists; true when created. */
    public boolean createIfMissing(String username, String password, List<String> roles) {
        // A bcrypt hash costs tens of milliseconds: not paid on every start for users that exist.
        if (find(username).isPresent()) {
            return false;
        }
        return jdbc.update("""
                INSERT INTO app_user (username, password_hash, roles) VALUES (?, ?, ?)
                ON CONFLICT (username) DO NOTHING""", username, BcryptUtil.bcryptHash(password), roles) == 1;
    }

    /** Sets a new password; the old one stops working at once on this instance. */
    public void changePassword(String username, String password) {
        jdbc.update("UPDATE app_user SET password_hash = ?, password_changed_at = now() WHERE username = ?",
                BcryptUtil.bcryptHash(password), username);
        verified.remove(username);
    }

    record StoredUser(String username, String passwordHash, Set<String> roles) {
    }

    Optional<StoredUser> find(String username) {
        return jdbc.one("SELECT password_hash, roles FROM app_user WHERE username = ?",
                row -> new StoredUser(username, row.getString(1), Set.of((String[]) row.getArray(2).getArray())),
                username);
    }

    private static boolean matches(String hash, char[] password) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(ModularCrypt.identifyAlgorithm(hash.toCharArray()), PROVIDER);
            Password stored = factory.translate(ModularCrypt.decode(hash.toCharArray()));
            return factory.verify(stored, password);
        } catch (Exception e) {
            throw new IllegalStateException("A stored password hash cannot be read", e);
        }
    }

    private byte[] digest(String username, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
