package dev.kelas.runtime.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules can fail: each fixture package under {@code fixture/} breaks one of them. */
class KelasArchitectureTests {
    private static final String FIXTURES = "dev.kelas.runtime.architecture.fixture.";

    @Test
    void shouldRefuseAFeatureUsingAnotherFeaturesListener() {
        String base = FIXTURES + "crossfeature";
        AssertionError refusal = assertThrows(AssertionError.class,
                () -> KelasArchitecture.check(base, new ClassFileImporter().importPackages(base)));
        assertTrue(refusal.getMessage().contains("GradeService.breakTheRule"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("EnrollmentListener"), refusal.getMessage());
    }

    @Test
    void shouldRefuseAResourceThatWritesRows() {
        String base = FIXTURES + "edgewrites";
        AssertionError refusal = assertThrows(AssertionError.class,
                () -> KelasArchitecture.check(base, new ClassFileImporter().importPackages(base)));
        assertTrue(refusal.getMessage().contains("GradeResource.breakTheRule"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("persist"), refusal.getMessage());
    }
}
