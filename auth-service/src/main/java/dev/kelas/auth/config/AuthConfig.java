package dev.kelas.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** auth-service settings ({@code kelas.auth.*}). */
@ConfigMapping(prefix = "kelas.auth")
public interface AuthConfig {
    Jwt jwt();

    /** Lifetime of a refresh-token family from login (absolute; rotation does not extend it). */
    @WithDefault("P30D")
    Duration refreshTokenLifetime();

    /** A session whose refresh token is not used for this long dies (idle lifetime). */
    @WithDefault("P7D")
    Duration refreshTokenIdleLifetime();

    /** Argon2id parameters; accounts hashed with others are rehashed at their next login. */
    Argon2 argon2();

    /** Brute-force protection of logins. */
    Throttle throttle();

    /**
     * When set, {@code POST /api/v1/auth/keys/rotate} rotates the signing key for a caller presenting it in
     * {@code X-Kelas-Operator-Token} (env KELAS_AUTH_OPERATOR_TOKEN); unset, that endpoint answers 404.
     */
    Optional<String> operatorToken();

    /** Lifetime of a password-reset token. */
    @WithDefault("PT30M")
    Duration passwordResetLifetime();

    /** Where avatar images are kept ({@code kelas.auth.storage.*}, the same keys as learning-service's). */
    Storage storage();

    /** Avatar uploads. */
    Avatar avatar();

    /** File storage selection and its settings (kelas-runtime {@code FileStorages}). */
    interface Storage {
        /** {@code filesystem} (default) or {@code s3}. */
        @WithDefault("filesystem")
        String kind();

        /** Directory of the filesystem storage. */
        @WithDefault("/var/lib/kelas/auth-files")
        String root();

        /** S3-compatible object storage. */
        S3 s3();
    }

    /** An S3-compatible bucket (AWS S3, MinIO, Ceph RGW), addressed path-style; it must exist. */
    interface S3 {
        /** E.g. {@code https://s3.eu-central-1.amazonaws.com} or {@code http://minio:9000}. */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        Optional<String> bucket();

        /** Access key id (a secret: environment only). */
        Optional<String> accessKey();

        /** Secret access key (a secret: environment only). */
        Optional<String> secretKey();
    }

    /** What an avatar may be and what is kept of it. */
    interface Avatar {
        /** Largest upload, bytes (2 MiB); larger: 413 {@code AVATAR_TOO_LARGE}. */
        @WithDefault("2097152")
        int maxBytes();

        /** The stored image fits in a square of this many pixels (aspect kept, never enlarged). */
        @WithDefault("256")
        int size();

        /** Largest decoded image, pixels (width x height), against decompression bombs; larger: 422. */
        @WithDefault("40000000")
        long maxPixels();
    }

    /** Invitations by e-mail (issue 15). */
    Invitations invitations();

    /** Self-registration of students with a class join code (issue 15). */
    SelfRegistration selfRegistration();

    /** Self-registration of students. */
    interface SelfRegistration {
        /** How long the e-mail verification link of a self-registered account works (ISO-8601). */
        @WithDefault("P2D")
        Duration verificationTtl();
    }

    /** Invitations by e-mail. */
    interface Invitations {
        /** How long an invitation's link works (ISO-8601 duration; a resend starts it again). */
        @WithDefault("P7D")
        Duration ttl();
    }

    /** Argon2id parameters (OWASP Password Storage Cheat Sheet: 19 MiB, 2 iterations, parallelism 1). */
    interface Argon2 {
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }

    /**
     * Failed-login limits. Each failure counts against the account (from anywhere), against the client
     * address (for any account) and against the pair; past the free attempts each further failure
     * doubles the wait (1 s, 2 s, 4 s ... up to {@code maxDelay}), answered 429 with Retry-After.
     * Addresses the user has logged in from before are not slowed by failures of others on the account.
     */
    interface Throttle {
        /** Failures of one account from one address before waits begin. */
        @WithDefault("5")
        int freeAttemptsPerPair();

        /** Failures from one address, over all accounts, before waits begin. */
        @WithDefault("20")
        int freeAttemptsPerAddress();

        /** Failures of one account, from all unknown addresses, per hour; beyond it they are refused. */
        @WithDefault("100")
        int maxFailuresPerAccountPerHour();

        /** The longest wait. */
        @WithDefault("PT15M")
        Duration maxDelay();
    }

    /**
     * When set, {@code POST /api/v1/tenants} requires header {@code X-Kelas-Registration-Token}
     * with this value (env KELAS_AUTH_TENANT_REGISTRATION_TOKEN); unset, anyone may register a school.
     */
    Optional<String> tenantRegistrationToken();

    /** Access-token signing. */
    interface Jwt {
        /** {@code iss} of access tokens. */
        String issuer();

        /** {@code aud} of access tokens. */
        String audience();

        /** Access-token lifetime (15 minutes). */
        @WithDefault("PT15M")
        Duration accessTokenLifetime();

        /**
         * PKCS#8 PEM file with the first RSA signing key, read only when the key ring in the database is
         * empty; unset: the first key is generated.
         */
        Optional<String> privateKeyLocation();

        /**
         * Key-encryption keys that encrypt the signing keys at rest (envelope encryption, {@code KeyEncryption}):
         * {@code id:base64[,id:base64...]}, each 32 random bytes ({@code openssl rand -base64 32}); the first wraps,
         * the others only unwrap (rotation). Unset: the signing keys are stored unencrypted, with a warning.
         */
        Optional<String> keyEncryptionKeys();

        /** Refuse to start without {@link #keyEncryptionKeys()} (true in the Kubernetes prod overlay). */
        @WithDefault("false")
        boolean keyEncryptionRequired();

        /** How often a new signing key is added. */
        @WithDefault("P30D")
        Duration rotationInterval();

        /**
         * How long a new key is published before it signs: longer than verifiers cache the JWKS
         * ({@code smallrye.jwt.jwks.refresh-interval}, 10 minutes here).
         */
        @WithDefault("PT15M")
        Duration activationDelay();
    }
}
