package dev.kelas.auth.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Envelope encryption of the signing keys: round trip, binding to the row, KEK rotation, and config errors. */
class KeyEncryptionTests {
    private static final String K1 = "k1:" + randomKey();
    private static final String K2 = "k2:" + randomKey();

    @Test
    void aSealedKeyOpensAndHoldsNoPlaintext() throws Exception {
        byte[] der = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded();
        KeyEncryption kek = KeyEncryption.fromSetting(K1).orElseThrow();
        SigningKey row = row("kid-a");
        row.privateKey = "legacy";
        kek.seal(row, der);
        assertNull(row.privateKey);
        assertEquals("k1", row.kekId);
        assertFalse(contains(row.encryptedPrivateKey, Arrays.copyOfRange(der, 40, 72)), "no plaintext in the ciphertext");
        assertArrayEquals(der, kek.open(row));
    }

    @Test
    void aCiphertextMovedToAnotherRowOrChangedDoesNotOpen() {
        KeyEncryption kek = KeyEncryption.fromSetting(K1).orElseThrow();
        SigningKey a = row("kid-a");
        kek.seal(a, "secret-a".getBytes(StandardCharsets.UTF_8));
        SigningKey moved = row("kid-b");
        moved.encryptedPrivateKey = a.encryptedPrivateKey;
        moved.wrappedDataKey = a.wrappedDataKey;
        moved.kekId = a.kekId;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kek.open(moved));
        assertTrue(e.getMessage().contains("kid-b"), e.getMessage());
        a.encryptedPrivateKey[20] ^= 1;
        assertThrows(IllegalStateException.class, () -> kek.open(a));
    }

    @Test
    void aWrongKekIsRefusedNamingTheRow() {
        SigningKey row = row("kid-a");
        KeyEncryption.fromSetting(K1).orElseThrow().seal(row, new byte[] {1, 2, 3});
        KeyEncryption other = KeyEncryption.fromSetting("k1:" + randomKey()).orElseThrow();
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> other.open(row));
        assertTrue(wrong.getMessage().contains("does not decrypt"), wrong.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> KeyEncryption.fromSetting(K2).orElseThrow().open(row));
        assertTrue(missing.getMessage().contains("'k1'"), missing.getMessage());
    }

    @Test
    void rotationRewrapsTheDataKeyOnlyAndLegacyRowsGetSealed() {
        byte[] secret = "private".getBytes(StandardCharsets.UTF_8);
        SigningKey row = row("kid-a");
        KeyEncryption.fromSetting(K1).orElseThrow().seal(row, secret);
        byte[] ciphertext = row.encryptedPrivateKey.clone();

        KeyEncryption rotated = KeyEncryption.fromSetting(K2 + "," + K1).orElseThrow();
        assertTrue(rotated.reseal(row, pem -> fail()));
        assertEquals("k2", row.kekId);
        assertArrayEquals(ciphertext, row.encryptedPrivateKey, "the private key's ciphertext is kept");
        assertFalse(rotated.reseal(row, pem -> fail()), "a current row is left alone");
        assertArrayEquals(secret, KeyEncryption.fromSetting(K2).orElseThrow().open(row), "the old KEK can go now");

        SigningKey legacy = row("kid-b");
        legacy.privateKey = "PEM";
        assertTrue(rotated.reseal(legacy, pem -> secret));
        assertNull(legacy.privateKey);
        assertArrayEquals(secret, rotated.open(legacy));
    }

    @Test
    void malformedSettingsAreRefusedWithoutEchoingTheKey() {
        assertTrue(KeyEncryption.fromSetting("  ").isEmpty());
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        for (String bad : new String[] {"nokey", "k1:", ":abc", "k1:%%%", "k1:" + shortKey, K1 + "," + K1, "bad id:" + randomKey()}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyEncryption.fromSetting(bad), bad);
            assertFalse(e.getMessage().contains(shortKey) || e.getMessage().contains(K1.substring(3)), e.getMessage());
        }
    }

    private static byte[] fail() {
        throw new AssertionError("a sealed row must not be read as plaintext");
    }

    private static SigningKey row(String kid) {
        SigningKey row = new SigningKey();
        row.kid = kid;
        return row;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
