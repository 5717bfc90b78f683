package dev.kelas.messaging.evaluation;

import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;

/**
 * Publishes test messages the way Kelas services do: plain jnats JetStream publishes (no connector on the sending
 * side), the payload a JSON string because the connector reads payloads with Jackson.
 */
public final class Publisher {
    /**
     * Prefix of this test JVM's payloads ({@code p<pid>-}): messages a crashed earlier run left in the stream are
     * never mistaken for this run's.
     */
    public static final String RUN = "p" + ProcessHandle.current().pid() + "-";

    private Publisher() {
    }

    /** Publishes {@code payload} as a JSON string to {@code subject}, with {@code headers} (may be null). */
    public static void publish(String subject, String payload, Headers headers) {
        try (Connection nats = EvaluationEnvironment.nats()) {
            byte[] json = ("\"" + payload + "\"").getBytes(StandardCharsets.UTF_8);
            nats.jetStream().publish(NatsMessage.builder().subject(subject).headers(headers).data(json).build());
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + subject, e);
        }
    }

    /** Publishes {@code payload} as a JSON string to {@code subject}. */
    public static void publish(String subject, String payload) {
        publish(subject, payload, null);
    }

    /** The server's view of a consumer of the evaluation stream. */
    public static io.nats.client.api.ConsumerInfo consumer(String name) {
        try (Connection nats = EvaluationEnvironment.nats()) {
            return nats.jetStreamManagement().getConsumerInfo(EvaluationEnvironment.STREAM, name);
        } catch (Exception e) {
            throw new IllegalStateException("No consumer " + name, e);
        }
    }
}
