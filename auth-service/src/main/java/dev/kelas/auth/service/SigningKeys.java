package dev.kelas.auth.service;

import dev.kelas.auth.config.AuthConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The RSA key auth-service signs access tokens with (RS256) and its public half as a JWK. The key
 * id is the RFC 7638 JWK thumbprint, so a verifier can tell keys apart across a rotation.
 */
@Startup
@ApplicationScoped
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    /** @throws IllegalStateException if the configured key file is missing or not a PKCS#8 RSA key */
    public SigningKeys(AuthConfig config) {
        try {
            if (config.jwt().privateKeyLocation().isPresent()) {
                Path location = Path.of(config.jwt().privateKeyLocation().get());
                RSAPrivateCrtKey key = readPkcs8(Files.readString(location, StandardCharsets.US_ASCII));
                privateKey = key;
                publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            } else {
                LOG.warn("kelas.auth.jwt.private-key-location is not set: signing with a key generated at start. "
                        + "Tokens die with this process; set the key for production.");
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                privateKey = pair.getPrivate();
                publicKey = (RSAPublicKey) pair.getPublic();
            }
            keyId = thumbprint(publicKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the JWT signing key: " + e.getMessage(), e);
        }
    }

    /** The private key that signs access tokens. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The {@code kid} written into token headers. */
    public String keyId() {
        return keyId;
    }

    /** The JWK Set document served at {@code /.well-known/jwks.json} (RFC 7517). */
    public Map<String, Object> jwks() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", keyId);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", base64Url(publicKey.getModulus()));
        jwk.put("e", base64Url(publicKey.getPublicExponent()));
        return Map.of("keys", List.of(jwk));
    }

    private static RSAPrivateCrtKey readPkcs8(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
    private static String thumbprint(RSAPublicKey key) throws GeneralSecurityException {
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned big-endian (RFC 7518 6.3.1)
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
