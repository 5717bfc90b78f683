package dev.kelas.runtime.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import java.util.Optional;
import java.util.Set;

/**
 * The shape every Kelas service keeps (docs/conventions.md). The roles are told apart by name, so the
 * rules hold whether a service is packaged by layer or by feature:
 * <ol>
 * <li>a {@code *Resource} or {@code *Socket} (the edge) never queries or writes rows itself;</li>
 * <li>an entity knows nothing of the resources, services and listeners that use it;</li>
 * <li>a {@code *Service} or {@code *Listener} does not depend on the HTTP edge (resources, {@code dto} records);</li>
 * <li>a resource does not consume events;</li>
 * <li>a feature package ({@code dev.kelas.learning.grading}) may use {@code common}, {@code config}, kelas-runtime
 * and another feature's services and entities, never another feature's resources, listeners or {@code dto}s.</li>
 * </ol>
 * Each service's {@code ArchitectureTests} runs {@link #check} on its own base package.
 */
public final class KelasArchitecture {
    /** Top-level packages every feature may use. */
    private static final Set<String> SHARED = Set.of("common", "config");

    private KelasArchitecture() {
    }

    /**
     * Checks the rules on the production classes under a package.
     *
     * @param basePackage the service's root package, e.g. {@code dev.kelas.learning}
     * @throws AssertionError listing every violation
     */
    public static void check(String basePackage) {
        check(basePackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage));
    }

    /**
     * Checks the rules on the given classes, whose root package is {@code basePackage}.
     *
     * @throws AssertionError listing every violation
     */
    static void check(String basePackage, JavaClasses classes) {
        DescribedPredicate<JavaClass> edge = describe("a resource or socket",
                c -> c.getSimpleName().endsWith("Resource") || c.getSimpleName().endsWith("Socket"));
        DescribedPredicate<JavaClass> httpEdge = describe("part of the HTTP edge",
                c -> c.getSimpleName().endsWith("Resource") || c.getPackageName().contains(".dto"));
        DescribedPredicate<JavaClass> useCase = describe("a service or listener",
                c -> c.getSimpleName().endsWith("Service") || c.getSimpleName().endsWith("Listener"));
        DescribedPredicate<JavaClass> entity = describe("an entity", KelasArchitecture::isEntity);

        noClasses().that(edge)
                .should().callMethodWhere(target(owner(assignableTo(PanacheEntityBase.class))))
                .because("resources validate, call one service method and map the result; they never query or write rows")
                .allowEmptyShould(true).check(classes);
        noClasses().that(entity)
                .should().dependOnClassesThat(describe("a resource, service or listener",
                        c -> c.getSimpleName().endsWith("Resource") || useCase.test(c)))
                .because("entities know nothing of how they are used")
                .allowEmptyShould(true).check(classes);
        noClasses().that(useCase)
                .should().dependOnClassesThat(httpEdge)
                .because("use cases do not depend on the HTTP edge")
                .allowEmptyShould(true).check(classes);
        noClasses().that(describe("a resource", c -> c.getSimpleName().endsWith("Resource")))
                .should().dependOnClassesThat(describe("a listener", c -> c.getSimpleName().endsWith("Listener")))
                .because("the HTTP edge does not consume events")
                .allowEmptyShould(true).check(classes);
        classes().should(stayInsideTheirFeature(basePackage))
                .because("a feature uses common/ and other features' services and entities, never their edge or listeners")
                .allowEmptyShould(true).check(classes);
    }

    private static boolean isEntity(JavaClass c) {
        return c.isAnnotatedWith("jakarta.persistence.Entity") || c.isAnnotatedWith("jakarta.persistence.MappedSuperclass");
    }

    /** The feature a class belongs to: the first package segment under the base, if it is not a shared one. */
    static Optional<String> featureOf(String basePackage, JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(basePackage + ".")) {
            return Optional.empty();
        }
        String first = pkg.substring(basePackage.length() + 1).split("\\.")[0];
        return SHARED.contains(first) ? Optional.empty() : Optional.of(first);
    }

    private static ArchCondition<JavaClass> stayInsideTheirFeature(String basePackage) {
        return new ArchCondition<>("use no other feature's resources, listeners or dto records") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = featureOf(basePackage, origin);
                if (own.isEmpty()) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> theirs = featureOf(basePackage, target);
                    boolean internal = target.getSimpleName().endsWith("Resource")
                            || target.getSimpleName().endsWith("Listener")
                            || target.getPackageName().contains(".dto");
                    if (theirs.isPresent() && !theirs.equals(own) && internal) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
