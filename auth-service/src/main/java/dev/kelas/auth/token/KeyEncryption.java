package dev.kelas.auth.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of the signing keys at rest (NIST SP 800-38D AES-GCM, the JDK's {@code AES/GCM/NoPadding}).
 * Each private key is encrypted with its own random AES-256 data key; the data key is wrapped with a
 * key-encryption key (KEK) that lives only in the environment or a Kubernetes Secret, never in the database.
 * Both ciphertexts are {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}, and each is bound to its row by
 * additional authenticated data (the key id, and for the wrap also the KEK id), so a ciphertext moved to another
 * row does not decrypt.
 *
 * <p>The KEKs come from {@code kelas.auth.jwt.key-encryption-keys}: a comma-separated list of {@code id:base64},
 * each a 32-byte key (e.g. {@code openssl rand -base64 32}); the first one wraps, the others only unwrap. To
 * rotate, put a new key first and restart the replicas: each start re-wraps the data keys under the first KEK
 * ({@link #reseal}), after which the old KEK can be removed. Rotation re-encrypts 32-byte data keys only, never
 * the private keys.
 */
public final class KeyEncryption {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keks;
    private final String currentKekId;

    private KeyEncryption(Map<String, SecretKey> keks, String currentKekId) {
        this.keks = keks;
        this.currentKekId = currentKekId;
    }

    /**
     * Parses {@code kelas.auth.jwt.key-encryption-keys}.
     *
     * @param setting {@code id:base64[,id:base64...]}, or empty for none
     * @return the KEK ring, or empty when {@code setting} is blank
     * @throws IllegalArgumentException naming the entry (never the key) when an entry is malformed, an id repeats,
     *                                  or a key is not 32 bytes of base64
     */
    public static Optional<KeyEncryption> fromSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            return Optional.empty();
        }
        Map<String, SecretKey> keks = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        int position = 0;
        for (String entry : setting.split(",")) {
            position++;
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("kelas.auth.jwt.key-encryption-keys: entry " + position
                        + " is not id:base64-key");
            }
            String id = trimmed.substring(0, colon);
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("kelas.auth.jwt.key-encryption-keys: entry " + position
                        + " has an id that is not 1-64 of A-Z a-z 0-9 . _ -");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kelas.auth.jwt.key-encryption-keys: key '" + id + "' is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("kelas.auth.jwt.key-encryption-keys: key '" + id + "' has "
                        + key.length + " bytes, not 32 (AES-256)");
            }
            if (keks.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("kelas.auth.jwt.key-encryption-keys: id '" + id + "' appears twice");
            }
            ids.add(id);
        }
        return Optional.of(new KeyEncryption(Map.copyOf(keks), ids.get(0)));
    }

    /** The id of the KEK that wraps new and re-wrapped data keys (the first of the setting). */
    public String currentKekId() {
        return currentKekId;
    }

    /**
     * Encrypts a private key into {@code row} under a new data key wrapped with the current KEK, and clears its
     * plaintext.
     *
     * @param row       the row, whose {@code kid} must be set
     * @param pkcs8Der the PKCS#8 DER encoding of the private key
     */
    public void seal(SigningKey row, byte[] pkcs8Der) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey dataKey = generator.generateKey();
            row.encryptedPrivateKey = encrypt(dataKey, pkcs8Der, privateKeyAad(row.kid));
            row.wrappedDataKey = encrypt(keks.get(currentKekId), dataKey.getEncoded(), dataKeyAad(row.kid, currentKekId));
            row.kekId = currentKekId;
            row.privateKey = null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt signing key " + row.kid, e);
        }
    }

    /**
     * Decrypts the private key of a sealed row.
     *
     * @return the PKCS#8 DER encoding
     * @throws IllegalStateException when the row's KEK is not configured, or a ciphertext does not authenticate
     *                               (a wrong KEK, a changed or moved ciphertext)
     */
    public byte[] open(SigningKey row) {
        SecretKey kek = keks.get(row.kekId);
        if (kek == null) {
            throw new IllegalStateException("Signing key " + row.kid + " is wrapped with key-encryption key '" + row.kekId
                    + "', which kelas.auth.jwt.key-encryption-keys does not hold (keep an old KEK until every replica"
                    + " has started with the new one first)");
        }
        try {
            SecretKey dataKey = new SecretKeySpec(decrypt(kek, row.wrappedDataKey, dataKeyAad(row.kid, row.kekId)), "AES");
            return decrypt(dataKey, row.encryptedPrivateKey, privateKeyAad(row.kid));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Signing key " + row.kid + " does not decrypt with key-encryption key '"
                    + row.kekId + "': the KEK is not the one it was sealed with, or the row was changed", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt signing key " + row.kid, e);
        }
    }

    /**
     * Brings a row under the current KEK: seals a legacy plaintext row, re-wraps the data key of a row sealed under
     * an older KEK (the private key's ciphertext stays as it is), and leaves a current row alone.
     *
     * @param row            the stored row
     * @param plaintextPkcs8 decodes a legacy row's PEM into DER
     * @return whether the row changed and must be written back
     * @throws IllegalStateException as {@link #open} when an older KEK is missing or does not authenticate
     */
    public boolean reseal(SigningKey row, java.util.function.Function<String, byte[]> plaintextPkcs8) {
        if (row.privateKey != null) {
            seal(row, plaintextPkcs8.apply(row.privateKey));
            return true;
        }
        if (currentKekId.equals(row.kekId)) {
            return false;
        }
        SecretKey oldKek = keks.get(row.kekId);
        if (oldKek == null) {
            open(row); // throws, naming the missing KEK
        }
        try {
            byte[] dataKey = decrypt(oldKek, row.wrappedDataKey, dataKeyAad(row.kid, row.kekId));
            row.wrappedDataKey = encrypt(keks.get(currentKekId), dataKey, dataKeyAad(row.kid, currentKekId));
            row.kekId = currentKekId;
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + row.kid + " does not decrypt with key-encryption key '"
                    + row.kekId + "'", e);
        }
    }

    private static byte[] privateKeyAad(String kid) {
        return ("kelas-signing-key:" + kid).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] dataKeyAad(String kid, String kekId) {
        return ("kelas-data-key:" + kid + ":" + kekId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] aad) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        byte[] sealed = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    private static byte[] decrypt(SecretKey key, byte[] nonceAndCiphertext, byte[] aad) throws GeneralSecurityException {
        if (nonceAndCiphertext == null || nonceAndCiphertext.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new AEADBadTagException("ciphertext too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
    }
}
