package dev.kelas.runtime.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the NATS connection is up and JetStream answers: without it no event leaves or arrives. */
@Readiness
@ApplicationScoped
public class NatsReadinessCheck implements HealthCheck {
    private final JetStreamClient client;

    public NatsReadinessCheck(JetStreamClient client) {
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("nats").status(client.healthy()).build();
    }
}
