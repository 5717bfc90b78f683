package dev.kelas.auth.token;

import dev.kelas.auth.config.AuthConfig;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The ring of RSA keys that sign access tokens (RS256), shared by every auth-service replica through
 * PostgreSQL and re-read every 10 seconds, so a rotation needs no restart. A new key is published in
 * the JWKS at once but signs only from {@code activatesAt} = creation + {@code kelas.auth.jwt.activation-delay},
 * by when verifiers have fetched it; the key it replaces stays published for an access-token lifetime
 * (plus a minute of clock skew) after that, so no live token breaks. Rotation happens every
 * {@code kelas.auth.jwt.rotation-interval}, or at once through {@link #rotate()}. Key ids are RFC 7638
 * thumbprints. The first key is the PKCS#8 file at {@code kelas.auth.jwt.private-key-location} if set,
 * else a generated one.
 *
 * <p>At rest the private keys are encrypted ({@link KeyEncryption}) when {@code kelas.auth.jwt.key-encryption-keys}
 * is set: every start seals legacy plaintext rows and re-wraps rows under an older KEK, under the ring's lock.
 * With {@code kelas.auth.jwt.key-encryption-required=true} (the Kubernetes prod overlay) the service refuses to
 * start without a KEK.
 */
@Startup
@ApplicationScoped
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    /** Serialises bootstrap and rotation across replicas (pg_advisory_xact_lock key). */
    private static final long LOCK = 0x4b656c61734b6579L;
    private static final Duration SKEW = Duration.ofMinutes(1);

    /** One key of the ring. */
    public record RingKey(String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, Instant createdAt, Instant activatesAt) {
    }

    private final AuthConfig config;
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "signing-key-ring");
        thread.setDaemon(true);
        return thread;
    });
    private volatile List<RingKey> ring = List.of();
    private final Optional<KeyEncryption> encryption;

    /**
     * @param config the auth settings
     * @throws IllegalStateException when encryption is required and no KEK is set, or the KEK setting is malformed
     */
    public SigningKeys(AuthConfig config) {
        this.config = config;
        this.encryption = KeyEncryption.fromSetting(config.jwt().keyEncryptionKeys().orElse(""));
        if (encryption.isEmpty() && config.jwt().keyEncryptionRequired()) {
            throw new IllegalStateException("kelas.auth.jwt.key-encryption-required is true but"
                    + " kelas.auth.jwt.key-encryption-keys (KELAS_JWT_KEY_ENCRYPTION_KEYS) is not set");
        }
    }

    void start(@Observes StartupEvent event) {
        Reactive.await(this::bootstrap);
        encryption.ifPresentOrElse(kek -> {
            int changed = Reactive.await(() -> reseal(kek));
            if (changed > 0) {
                LOG.infof("Sealed or re-wrapped %d signing key(s) under key-encryption key '%s'", changed, kek.currentKekId());
            }
        }, () -> LOG.warn("The signing keys are stored unencrypted: set kelas.auth.jwt.key-encryption-keys"
                + " (KELAS_JWT_KEY_ENCRYPTION_KEYS) in production"));
        reload();
        reloader.scheduleWithFixedDelay(this::reloadQuietly, 10, 10, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        reloader.shutdownNow();
    }

    /** The key that signs now: the newest whose activation time has come. */
    public RingKey current() {
        Instant now = Instant.now();
        List<RingKey> keys = ring;
        RingKey current = keys.get(0);
        for (RingKey key : keys) {
            if (!key.activatesAt().isAfter(now)) {
                current = key;
            }
        }
        return current;
    }

    /** The JWK Set document served at {@code /.well-known/jwks.json} (RFC 7517): pending, current and recent keys. */
    public Map<String, Object> jwks() {
        Instant now = Instant.now();
        List<Map<String, Object>> published = new ArrayList<>();
        for (RingKey key : publishedAt(ring, now, config.jwt().accessTokenLifetime())) {
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("kid", key.kid());
            jwk.put("use", "sig");
            jwk.put("alg", "RS256");
            jwk.put("n", RsaKeys.base64Url(key.publicKey().getModulus()));
            jwk.put("e", RsaKeys.base64Url(key.publicKey().getPublicExponent()));
            published.add(jwk);
        }
        return Map.of("keys", published);
    }

    /** A key of the ring as stored: its id and when it signs from. */
    public record StoredKey(String kid, Instant activatesAt) {
    }

    /**
     * Adds a new key that signs from now + the activation delay, and re-reads the ring.
     *
     * @return the new key
     */
    public StoredKey rotate() {
        return addKeyIf(latest -> true);
    }

    /**
     * The keys to publish at {@code now}: every key except those replaced (their successor active) longer
     * than a token lifetime plus skew ago. {@code keys} are in activation order.
     */
    static List<RingKey> publishedAt(List<RingKey> keys, Instant now, Duration tokenLifetime) {
        List<RingKey> published = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean replacedLongAgo = i + 1 < keys.size()
                    && keys.get(i + 1).activatesAt().plus(tokenLifetime).plus(SKEW).isBefore(now);
            if (!replacedLongAgo) {
                published.add(keys.get(i));
            }
        }
        return published;
    }

    private void reloadQuietly() {
        try {
            reload();
            if (rotationDue(ring.get(ring.size() - 1).activatesAt())) {
                // Checked again under the lock: another replica may have rotated meanwhile.
                addKeyIf(latest -> rotationDue(latest.activatesAt));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot refresh the signing key ring (keeping the one loaded): %s", e.getMessage());
        }
    }

    private boolean rotationDue(Instant newestActivatesAt) {
        return newestActivatesAt.plus(config.jwt().rotationInterval()).isBefore(Instant.now());
    }

    /**
     * Under the ring's lock, adds a key (signing after the activation delay) if {@code due} holds for the newest
     * stored key, then re-reads the ring.
     *
     * @return the newest key afterwards: the added one, or the one that made adding unnecessary
     */
    private StoredKey addKeyIf(Predicate<SigningKey> due) {
        SigningKey newest = Reactive.await(() -> locked(() -> SigningKey.<SigningKey>find("order by activatesAt desc").firstResult()
                .chain(latest -> {
                    if (latest != null && !due.test(latest)) {
                        return Uni.createFrom().item(latest);
                    }
                    return insert(RsaKeys.generate(), Instant.now().plus(config.jwt().activationDelay()))
                            .invoke(added -> LOG.infof("Signing key %s added; it signs from %s on", added.kid, added.activatesAt));
                })));
        reload();
        return new StoredKey(newest.kid, newest.activatesAt);
    }

    /** Under the ring's lock, brings every row under the current KEK; returns how many rows changed. */
    private Uni<Integer> reseal(KeyEncryption kek) {
        return locked(() -> SigningKey.<SigningKey>listAll().map(rows -> {
            int changed = 0;
            for (SigningKey row : rows) {
                if (kek.reseal(row, pem -> RsaKeys.readPkcs8(pem).getEncoded())) {
                    changed++; // a managed entity: written at the transaction's commit
                }
            }
            return changed;
        }));
    }

    private void reload() {
        List<SigningKey> rows = Reactive.await(() -> Panache.withSession(() -> SigningKey.<SigningKey>listAll()));
        List<RingKey> keys = new ArrayList<>();
        for (SigningKey row : rows) {
            RSAPrivateCrtKey key = privateKeyOf(row);
            keys.add(new RingKey(row.kid, key, RsaKeys.publicOf(key), row.createdAt, row.activatesAt));
        }
        keys.sort(Comparator.comparing(RingKey::activatesAt));
        if (keys.isEmpty()) {
            throw new IllegalStateException("The signing key ring is empty");
        }
        ring = List.copyOf(keys);
    }

    private Uni<String> bootstrap() {
        return locked(() -> SigningKey.count().chain(count -> {
            if (count > 0) {
                return Uni.createFrom().item("");
            }
            RSAPrivateCrtKey first = config.jwt().privateKeyLocation().map(RsaKeys::readFile).orElseGet(RsaKeys::generate);
            LOG.infof("Starting the signing key ring with %s", config.jwt().privateKeyLocation().map(p -> "the key in " + p)
                    .orElse("a generated key"));
            return insert(first, Instant.now()).map(row -> row.kid);
        }));
    }

    private static <T> Uni<T> locked(java.util.function.Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_advisory_xact_lock(" + LOCK + ")").getSingleResult())
                .chain(ignored -> work.get()));
    }

    private RSAPrivateCrtKey privateKeyOf(SigningKey row) {
        if (row.privateKey != null) {
            return RsaKeys.readPkcs8(row.privateKey);
        }
        KeyEncryption kek = encryption.orElseThrow(() -> new IllegalStateException("Signing key " + row.kid
                + " is encrypted, but kelas.auth.jwt.key-encryption-keys (KELAS_JWT_KEY_ENCRYPTION_KEYS) is not set"));
        return RsaKeys.readDer(kek.open(row));
    }

    private Uni<SigningKey> insert(RSAPrivateCrtKey key, Instant activatesAt) {
        SigningKey row = new SigningKey();
        row.kid = RsaKeys.thumbprint(RsaKeys.publicOf(key));
        if (encryption.isPresent()) {
            encryption.get().seal(row, key.getEncoded());
        } else {
            row.privateKey = RsaKeys.pkcs8Pem(key);
        }
        row.createdAt = Instant.now();
        row.activatesAt = activatesAt;
        return row.persist().replaceWith(row);
    }
}
