package dev.kelas.auth;

import dev.kelas.runtime.architecture.KelasArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTests {
    @Test
    void shouldKeepFeaturesAndRolesApart() {
        KelasArchitecture.check("dev.kelas.auth");
    }
}
