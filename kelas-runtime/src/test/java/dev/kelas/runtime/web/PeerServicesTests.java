package dev.kelas.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code kelas.healthz.services} is read: name=base-url entries, in order, trailing slashes dropped. */
class PeerServicesTests {

    @Test
    void shouldReadNamedBaseUrlsInOrder() {
        assertEquals(Map.of("auth-service", "http://127.0.0.1:8081", "lab-service", "https://lab:8443"),
                PeerServices.parse(List.of("auth-service=http://127.0.0.1:8081", " lab-service = https://lab:8443/ ")));
        assertEquals(List.of("b", "a"), List.copyOf(PeerServices.parse(List.of("b=http://b:1", "a=http://a:1")).keySet()));
    }

    @Test
    void shouldRefuseAnEntryWithoutANameOrAnHttpUrl() {
        for (String broken : List.of("http://127.0.0.1:8081", "=http://a:1", "a=ftp://a:1", "a=http://a:1/q/health")) {
            assertThrows(IllegalArgumentException.class, () -> PeerServices.parse(List.of(broken)), broken);
        }
    }
}
