package dev.kelas.auth.service;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Argon2id password hashing with the OWASP Password Storage Cheat Sheet parameters: 19 MiB of
 * memory, 2 iterations, parallelism 1, 32-byte output, stored as a PHC string (via password4j).
 * Hashing takes tens of milliseconds of CPU, so it runs on the worker pool, never the event loop.
 */
@ApplicationScoped
public class PasswordHasher {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    /** Verified against when the account does not exist, so timing does not reveal which e-mails exist. */
    private static final String DUMMY_HASH = Password.hash("kelas-no-such-account").with(ARGON2ID).getResult();

    private final Vertx vertx;

    public PasswordHasher(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Hashes a password on a worker thread; the item is a PHC string. */
    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> Password.hash(password).with(ARGON2ID).getResult()));
    }

    /**
     * Checks a password on a worker thread.
     *
     * @param phcHash the stored hash, or null when there is no such account (a dummy hash is checked
     *                so both cases cost the same)
     */
    public Uni<Boolean> verify(String password, String phcHash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            String hash = phcHash != null ? phcHash : DUMMY_HASH;
            boolean matches = Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
            return matches && phcHash != null;
        }));
    }
}
