package dev.kelas.auth;

import dev.kelas.auth.testing.AuthTestEnvironment;
import dev.kelas.testing.BrowserRulesContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** auth-service answers browsers by the shared rules (CORS, security headers, /version; docs/edge.md). */
@QuarkusTest
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true)
class BrowserRulesTests extends BrowserRulesContract {

    @Override
    protected String service() {
        return "auth-service";
    }

    @Override
    protected String protectedPath() {
        return "/api/v1/auth/me";
    }
}
