package dev.kelas.auth.token;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.auth.testing.AuthTestEnvironment;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signing keys in auth's database are sealed (envelope encryption under the test KEK of AuthTestEnvironment):
 * the bootstrap key from the key file and a key added by rotation, each with no plaintext column, each opening
 * under the configured KEK to the private half of a key the JWKS publishes.
 */
@QuarkusTest
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true)
class SigningKeyEncryptionTests {
    @Inject
    SigningKeys signingKeys;

    @Test
    void everyStoredSigningKeyIsSealedUnderTheCurrentKekAndOpensToAPublishedKey() throws Exception {
        signingKeys.rotate();
        List<SigningKey> rows = Reactive.await(() -> Panache.withSession(() -> SigningKey.<SigningKey>listAll()));
        assertTrue(rows.size() >= 2, "the bootstrap key and the rotated one");
        List<Map<String, String>> jwks = given().get("/.well-known/jwks.json").then().statusCode(200)
                .extract().jsonPath().getList("keys");
        KeyEncryption kek = KeyEncryption.fromSetting(AuthTestEnvironment.KEK_SETTING).orElseThrow();
        for (SigningKey row : rows) {
            assertNull(row.privateKey, "no plaintext private key in the database");
            assertEquals("test-2024", row.kekId);
            assertNotNull(row.wrappedDataKey);
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(kek.open(row)));
            String modulus = Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned(key.getModulus()));
            assertTrue(jwks.stream().anyMatch(jwk -> row.kid.equals(jwk.get("kid")) && modulus.equals(jwk.get("n"))),
                    "key " + row.kid + " opens to the private half of its published JWK");
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
