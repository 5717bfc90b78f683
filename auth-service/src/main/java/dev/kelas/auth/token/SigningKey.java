package dev.kelas.auth.token;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One RSA key of the signing key ring: published from {@code createdAt}, signing from {@code activatesAt}. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {
    /** RFC 7638 JWK thumbprint, the {@code kid} of the tokens it signs. */
    @Id
    public String kid;
    /** PKCS#8 PEM of the private key, only on a legacy row written before a key-encryption key was configured. */
    public String privateKey;
    /** The PKCS#8 DER private key, AES-GCM encrypted with the row's data key ({@link KeyEncryption}). */
    public byte[] encryptedPrivateKey;
    /** The row's AES-256 data key, AES-GCM wrapped with the key-encryption key {@link #kekId}. */
    public byte[] wrappedDataKey;
    /** Id of the key-encryption key that wraps {@link #wrappedDataKey}. */
    public String kekId;
    public Instant createdAt;
    public Instant activatesAt;
}
