package dev.kelas.learning;

import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.testing.BrowserRulesContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** learning-service answers browsers by the shared rules (CORS, security headers, /version; docs/edge.md). */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class BrowserRulesTests extends BrowserRulesContract {

    @Override
    protected String service() {
        return "learning-service";
    }

    @Override
    protected String protectedPath() {
        return "/api/v1/subjects";
    }
}
