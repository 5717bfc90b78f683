package dev.kelas.auth.account;

import dev.kelas.auth.config.AuthConfig;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Argon2id password hashing (via password4j), by default with the OWASP Password Storage Cheat Sheet
 * parameters: 19 MiB of memory, 2 iterations, parallelism 1, 32-byte output, stored as a PHC string
 * that carries its parameters. When {@code kelas.auth.argon2.*} change, {@link #needsRehash} tells
 * login to store a new hash. Hashing takes tens of milliseconds of CPU, so it runs on the worker pool,
 * never the event loop.
 */
@ApplicationScoped
public class PasswordHasher {
    private final Vertx vertx;
    private final Argon2Function argon2id;
    /** Verified against when the account does not exist, so timing does not reveal which e-mails exist. */
    private final String dummyHash;

    @jakarta.inject.Inject
    public PasswordHasher(Vertx vertx, AuthConfig config) {
        this(vertx, Argon2Function.getInstance(config.argon2().memoryKib(), config.argon2().iterations(),
                config.argon2().parallelism(), 32, Argon2.ID));
    }

    /** With explicit Argon2id parameters (memory KiB, iterations, parallelism, 32-byte output). */
    PasswordHasher(Vertx vertx, Argon2Function argon2id) {
        this.vertx = vertx;
        this.argon2id = argon2id;
        this.dummyHash = Password.hash("kelas-no-such-account").with(argon2id).getResult();
    }

    /** Hashes a password on a worker thread; the item is a PHC string. */
    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> Password.hash(password).with(argon2id).getResult()));
    }

    /**
     * Checks a password on a worker thread.
     *
     * @param phcHash the stored hash, or null when there is no such account (a dummy hash is checked
     *                so both cases cost the same)
     */
    public Uni<Boolean> verify(String password, String phcHash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            String hash = phcHash != null ? phcHash : dummyHash;
            boolean matches = Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
            return matches && phcHash != null;
        }));
    }

    /** Whether a stored hash was made with other parameters (or another algorithm) than the configured ones. */
    public boolean needsRehash(String phcHash) {
        try {
            Argon2Function used = Argon2Function.getInstanceFromHash(phcHash);
            return used.getVariant() != Argon2.ID || used.getMemory() != argon2id.getMemory()
                    || used.getIterations() != argon2id.getIterations() || used.getParallelism() != argon2id.getParallelism()
                    || used.getOutputLength() != argon2id.getOutputLength();
        } catch (RuntimeException notArgon2) {
            return true;
        }
    }
}
