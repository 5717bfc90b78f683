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

        /** Access-token lifetime (DESIGN.md: 15 minutes). */
        @WithDefault("PT15M")
        Duration accessTokenLifetime();

        /** PKCS#8 PEM file with the RSA signing key; unset: an ephemeral key is generated at start. */
        Optional<String> privateKeyLocation();
    }
}
