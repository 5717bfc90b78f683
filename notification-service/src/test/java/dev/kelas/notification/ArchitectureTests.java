package dev.kelas.notification;

import dev.kelas.runtime.architecture.KelasArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTests {
    @Test
    void shouldKeepRestServiceAndDomainLayersApart() {
        KelasArchitecture.check("dev.kelas.notification");
    }
}
