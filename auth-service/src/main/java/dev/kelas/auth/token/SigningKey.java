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
    /** PKCS#8 PEM of the private key. */
    public String privateKey;
    public Instant createdAt;
    public Instant activatesAt;
}
