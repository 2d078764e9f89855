package com.stackdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.routing.ForbiddenStaffChange;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * The rules of ../shared/STYLE.md that {@code ModularityTests} does not state as such: views never
 * use repositories, and no module's main code reaches into another module's {@code internal}
 * package. Only main code is checked; tests may set up data through repositories.
 */
class ArchitectureTest {

    private static final Pattern MODULE = Pattern.compile("^com\\.stackdesk\\.([a-z]+)(\\..*)?$");

    /** Imported once for the class: each test method gets an instance of its own, and the import takes seconds. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.stackdesk");

    @Test
    void viewsNeverUseRepositories() {
        noClasses()
                .that()
                .resideInAPackage("com.stackdesk..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .because("views ask their module's services, which own transactions and authorization")
                .check(MAIN);
    }

    /** Another module's repositories and internal helpers bypass its services, their checks and their audit. */
    private static final ArchRule NO_MODULE_REACHES_INTO_ANOTHERS_INTERNALS = classes()
            .that()
            .resideInAPackage("com.stackdesk..")
            .should(new ArchCondition<JavaClass>("not depend on another module's internal package") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    var own = module(origin.getPackageName());
                    for (var dependency : origin.getDirectDependenciesFromSelf()) {
                        var target = dependency.getTargetClass();
                        var targetModule = module(target.getPackageName());
                        if (targetModule.isPresent()
                                && !targetModule.equals(own)
                                && target.getPackageName()
                                        .startsWith("com.stackdesk." + targetModule.get() + ".internal")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        NO_MODULE_REACHES_INTO_ANOTHERS_INTERNALS.check(MAIN);
    }

    /**
     * The rule above is what keeps staff changes audited now that {@code StaffMember}'s mutators are
     * package-private: the only other way to change an account is to save it through the staff
     * module's repository. A class that does so from routing must be reported.
     */
    @Test
    void aModuleSavingStaffPastTheStaffModulesAuditIsReported() {
        var offender = new ClassFileImporter().importClasses(ForbiddenStaffChange.class);

        assertThat(NO_MODULE_REACHES_INTO_ANOTHERS_INTERNALS
                        .evaluate(offender)
                        .getFailureReport()
                        .getDetails())
                .isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("StaffMembers"));
    }

    private static Optional<String> module(String packageName) {
        var matcher = MODULE.matcher(packageName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
