package dev.kelas.runtime.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * The layering every Kelas service keeps (CONVENTIONS.md): a request enters in {@code rest}, the
 * rules and the transaction live in {@code service}, rows are written by {@code domain} entities.
 * Each service's {@code ArchitectureTests} runs {@link #check} on its own package.
 */
public final class KelasArchitecture {
    private KelasArchitecture() {
    }

    /**
     * Checks the rules on the production classes under a package.
     *
     * @throws AssertionError listing every violation
     */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        noClasses().that().resideInAPackage("..rest..")
                .should().callMethodWhere(target(owner(assignableTo(PanacheEntityBase.class))))
                .because("resources validate, call one service method and map the result; they never query or write rows")
                .check(classes);
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..service..", "..messaging..")
                .because("entities know nothing of how they are used")
                .check(classes);
        noClasses().that().resideInAnyPackage("..service..", "..messaging..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".rest..")
                .because("use cases do not depend on the HTTP edge")
                .check(classes);
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".messaging..")
                .because("the HTTP edge does not consume events")
                .check(classes);
    }
}
