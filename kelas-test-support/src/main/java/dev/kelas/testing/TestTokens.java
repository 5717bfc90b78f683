package dev.kelas.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Signs access tokens as auth-service issues them (RS256, 15 minutes) with a throw-away RSA key, for a
 * service under test that verifies them with {@link #publicKeyLocation()}
 * ({@code mp.jwt.verify.publickey.location}). Claims as auth-service's TokenService writes them: iss, aud,
 * sub, tenant, groups, email, sid, typ=access, jti, iat, exp.
 */
public final class TestTokens {
    /** auth-service's default issuer. */
    public static final String ISSUER = "https://kelas.dev/auth";
    /** auth-service's default audience. */
    public static final String AUDIENCE = "kelas";
    private final KeyPair keys;
    private final Path publicKeyFile;

    private TestTokens(KeyPair keys, Path publicKeyFile) {
        this.keys = keys;
        this.publicKeyFile = publicKeyFile;
    }

    /** A new 2048-bit key pair; its public half written as a PEM file in the temporary directory. */
    public static TestTokens create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Path pem = Files.createTempFile("kelas-test-key", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return new TestTokens(keys, pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** URI of the PEM file with the public key. */
    public String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    /**
     * Writes the private key as a PKCS#8 PEM file (for auth-service's {@code kelas.auth.jwt.private-key-location},
     * so it signs with the key this signer's public PEM verifies).
     *
     * @return the file's path
     */
    public String writePrivateKeyPem() {
        try {
            Path pem = Files.createTempFile("kelas-test-private-key", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            return pem.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An access token for a user of a school, valid for 15 minutes.
     *
     * @param roles role names (ADMIN, TEACHER, STUDENT, PARENT) for the {@code groups} claim
     */
    public String token(UUID userId, UUID tenantId, String... roles) {
        return tokenWithEmail(userId, tenantId, userId + "@" + tenantId + ".test", roles);
    }

    /** As {@link #token(UUID, UUID, String...)} with the user's e-mail address. */
    public String tokenWithEmail(UUID userId, UUID tenantId, String email, String... roles) {
        long now = Instant.now().getEpochSecond();
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString())
                .groups(Set.of(roles)).claim("tenant", tenantId.toString()).claim("email", email)
                .claim("sid", UUID.randomUUID().toString()).claim("typ", "access")
                .claim("jti", UUID.randomUUID().toString()).issuedAt(now).expiresAt(now + 900)
                .jws().keyId("test").sign(keys.getPrivate());
    }
}
