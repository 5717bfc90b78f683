package dev.kelas.lab.common;

import dev.kelas.lab.config.LabConfig;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.runtime.problem.KelasException;
import java.util.List;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Turns the lab REST API off in grader-only processes ({@code kelas.lab.api.enabled=false}): every
 * {@code /api/} request answers 404 NOT_FOUND as problem+json, so a grader replica that is reached by
 * mistake never takes submissions. Health ({@code /q/health}) and metrics are not JAX-RS and stay up.
 */
public class ApiSwitch {
    private final LabConfig config;

    public ApiSwitch(LabConfig config) {
        this.config = config;
    }

    /** Throws a 404 {@link KelasException} for API paths when the API is off. */
    @ServerRequestFilter(preMatching = true)
    public void rejectWhenDisabled(ContainerRequestContext request) {
        if (!config.api().enabled() && request.getUriInfo().getPath().startsWith("/api/")) {
            throw new KelasException(404, ErrorCode.NOT_FOUND, "This is a grader-only process: its REST API is off",
                    List.of());
        }
    }
}
