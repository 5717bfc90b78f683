package dev.kelas.runtime.persistence;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * TLS to PostgreSQL from one setting for both of a service's connections: {@code kelas.db.sslmode}
 * (env {@code KELAS_DB_SSLMODE}: {@code disable}, {@code allow}, {@code prefer}, {@code require}, {@code verify-ca},
 * {@code verify-full}, libpq's names and meanings) and {@code kelas.db.sslrootcert} (env {@code KELAS_DB_SSLROOTCERT},
 * a PEM file with the CA that signed the server's certificate). The JDBC URL (Flyway, rate limits) carries them as
 * {@code sslmode} and {@code sslrootcert}; for the reactive pool this source sets
 * {@code quarkus.datasource.reactive.postgresql.ssl-mode}, and for the verifying modes the PEM trust and, under
 * {@code verify-full}, host name verification ({@code HTTPS}, RFC 2818). It has the lowest ordinal, so an explicit
 * {@code quarkus.datasource.reactive.*} setting still wins.
 */
public class DatabaseTls implements ConfigSourceFactory {
    /** libpq's sslmode values. */
    public static final Set<String> MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new PropertiesConfigSource(reactiveSettings(valueOf(context.getValue("kelas.db.sslmode"), "disable"),
                valueOf(context.getValue("kelas.db.sslrootcert"), "")), "kelas-database-tls", 1));
    }

    /**
     * The reactive pool's settings for an sslmode.
     *
     * @param sslMode  one of {@link #MODES}, any case
     * @param rootCert the CA's PEM file, or blank for the JVM's trust store
     * @return the {@code quarkus.datasource.reactive.*} properties
     * @throws IllegalArgumentException when {@code sslMode} is not one of {@link #MODES}
     */
    public static Map<String, String> reactiveSettings(String sslMode, String rootCert) {
        String mode = sslMode.trim().toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("kelas.db.sslmode (KELAS_DB_SSLMODE) is '" + sslMode + "', not one of "
                    + String.join(", ", List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full")));
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.reactive.postgresql.ssl-mode", mode);
        if (mode.startsWith("verify-") && !rootCert.isBlank()) {
            settings.put("quarkus.datasource.reactive.trust-certificate-pem", "true");
            settings.put("quarkus.datasource.reactive.trust-certificate-pem.certs", rootCert);
        }
        if (mode.equals("verify-full")) {
            settings.put("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS");
        }
        return settings;
    }

    /**
     * Gives a connection of our own (the outbox relay's LISTEN) the reactive pool's TLS settings, as resolved in
     * {@code config}: the sslmode, the PEM trust and the host name verification.
     *
     * @param options the connection's options, changed in place
     * @param config  the service's configuration
     */
    public static void applyPoolSettings(io.vertx.pgclient.PgConnectOptions options, org.eclipse.microprofile.config.Config config) {
        String mode = config.getOptionalValue("quarkus.datasource.reactive.postgresql.ssl-mode", String.class).orElse("disable");
        options.setSslMode(io.vertx.pgclient.SslMode.of(mode));
        if (config.getOptionalValue("quarkus.datasource.reactive.trust-certificate-pem", Boolean.class).orElse(false)) {
            io.vertx.core.net.PemTrustOptions trust = new io.vertx.core.net.PemTrustOptions();
            config.getOptionalValues("quarkus.datasource.reactive.trust-certificate-pem.certs", String.class)
                    .orElse(List.of()).forEach(trust::addCertPath);
            options.setPemTrustOptions(trust);
        }
        config.getOptionalValue("quarkus.datasource.reactive.hostname-verification-algorithm", String.class)
                .filter(algorithm -> !algorithm.equalsIgnoreCase("NONE"))
                .ifPresent(options::setHostnameVerificationAlgorithm);
    }

    private static String valueOf(ConfigValue value, String fallback) {
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
