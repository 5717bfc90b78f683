package dev.kelas.lab.config;

import dev.kelas.lab.sandbox.Sandbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A grader process is ready only when the sandbox's tools (bubblewrap, util-linux) are installed. */
@Readiness
@ApplicationScoped
public class SandboxReadinessCheck implements HealthCheck {
    private final Sandbox sandbox;
    private final LabConfig config;

    public SandboxReadinessCheck(Sandbox sandbox, LabConfig config) {
        this.sandbox = sandbox;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        String missing = config.grader().enabled() ? sandbox.missingPrerequisite() : null;
        return HealthCheckResponse.named("sandbox").status(missing == null)
                .withData("detail", missing == null ? "ready" : missing).build();
    }
}
