package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two notification-service replicas on one database and one NATS: the second consumes no events, so what its
 * clients receive was handled by the first and crossed over core NATS {@code kelas.push.<tenant>.<user>}.
 */
class ReplicaTests {
    private static KelasSystem system;
    private static School school;
    private static String second;

    @BeforeAll
    static void start() throws Exception {
        system = KelasSystem.get();
        school = School.register(system, "Replica School");
        second = system.startSecondNotificationReplica();
    }

    @Test
    void shouldDeliverAnEventHandledByOneReplicaToClientsOnTheOther() throws Exception {
        School.Person student = school.createUser("STUDENT", "Rita Replica");
        String token = student.accessToken();
        try (WsClient onSecond = WsClient.connect(system.url(second), token);
             WsClient onFirst = WsClient.connect(system.url("notification-service"), token);
             SseClient sseOnSecond = SseClient.connect(system.url(second) + "/api/v1/notifications/stream",
                     Map.of("Authorization", "Bearer " + token))) {
            onSecond.resume(0);
            onFirst.resume(0);
            school.publishGrade(student, "Across replicas");
            assertNotNull(onSecond.awaitType("notification", "Across replicas", Duration.ofSeconds(30)),
                    "the second replica's WebSocket got nothing: " + onSecond.received());
            assertNotNull(sseOnSecond.awaitEventContaining("Across replicas", Duration.ofSeconds(30)),
                    "the second replica's SSE stream got nothing");
            assertNotNull(onFirst.awaitType("notification", "Across replicas", Duration.ofSeconds(30)));
            assertEquals(onFirst.notificationIds(), onSecond.notificationIds(), "the same id on both replicas");
        }
    }

    @Test
    void shouldCutOffAStalledClientAfterItsBufferWithoutHoldingUpOthers() throws Exception {
        School.Person student = school.createUser("STUDENT", "Stella Stall");
        String token = student.accessToken();
        // ~390 KB per frame (the title twice): 150 of them, ~58 MB, are far more than the kernel's socket buffers
        // hold for a reader that stops. Loopback TCP here autotunes a receive buffer up to 32 MiB (tcp_rmem) and a
        // send buffer up to 4 MiB; with 64 KB padding (~20 MB in all) everything could fit and no frame ever waited.
        int count = 150;
        String padding = "x".repeat(192 * 1024);
        try (WsClient stalled = WsClient.connectStalling(system.url(second), token);
             WsClient healthy = WsClient.connect(system.url(second), token)) {
            stalled.resume(0);
            healthy.resume(0);
            for (int i = 1; i <= count; i++) {
                school.publishGrade(student, "Bulk " + i + " " + padding);
            }
            assertNotNull(healthy.awaitType("notification", "Bulk " + count + " ", Duration.ofSeconds(120)),
                    "the healthy client did not get every notification; it got " + healthy.notificationIds().size());
            assertEquals(LongStream.rangeClosed(1, count).boxed().toList(), healthy.notificationIds(),
                    "the healthy client gets every notification in order while the other one stalls");
            assertEquals(null, healthy.awaitClosed(Duration.ofMillis(1)), "the healthy client stays connected");

            stalled.resumeReading();
            String ending = stalled.awaitClosed(Duration.ofSeconds(60));
            assertNotNull(ending, "the stalled client was never cut off");
            assertTrue(stalled.notificationIds().size() < count, "the stalled client was cut off after "
                    + stalled.notificationIds().size() + " of " + count + " notifications (" + ending + ")");
        }
    }
}
