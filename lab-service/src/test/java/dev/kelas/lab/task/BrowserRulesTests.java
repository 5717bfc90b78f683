package dev.kelas.lab.task;

import dev.kelas.lab.testing.LabTestEnvironment;
import dev.kelas.testing.BrowserRulesContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** lab-service answers browsers by the shared rules (CORS, security headers, /version; docs/edge.md). */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class BrowserRulesTests extends BrowserRulesContract {

    @Override
    protected String service() {
        return "lab-service";
    }

    @Override
    protected String protectedPath() {
        return "/api/v1/lab/tasks/00000000-0000-0000-0000-000000000001/submissions";
    }
}
