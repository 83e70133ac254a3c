package io.loadgrid.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.freeze.FreezingArchRule.freeze;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The modules point one way, agent → common ← coordinator, and the target stands beside them; inside a module,
 * packages do not depend on each other in circles. Over every module's main classes.
 *
 * <p>Rules that today's code does not meet yet are frozen: the violations known when the rule came are recorded under
 * {@code src/test/resources/frozen}, a new one fails, and one that is mended drops out of the record by itself.
 * The rules are checked in methods, not declared as fields: Surefire 3.5.3 neither runs nor fails field rules
 * (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "io.loadgrid", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    void commonDependsOnNoOtherModule(JavaClasses classes) {
        noClasses().that().resideInAPackage("io.loadgrid.common..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.loadgrid.agent..", "io.loadgrid.coordinator..", "io.loadgrid.target..")
                .check(classes);
    }

    @ArchTest
    void agentKnowsOnlyCommon(JavaClasses classes) {
        noClasses().that().resideInAPackage("io.loadgrid.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loadgrid.coordinator..", "io.loadgrid.target..")
                .check(classes);
    }

    /** The coordinator starts agents and the embedded target as processes, by their main class's name only. */
    @ArchTest
    void coordinatorKnowsOnlyCommon(JavaClasses classes) {
        noClasses().that().resideInAPackage("io.loadgrid.coordinator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loadgrid.agent..", "io.loadgrid.target..")
                .check(classes);
    }

    @ArchTest
    void targetKnowsOnlyCommon(JavaClasses classes) {
        noClasses().that().resideInAPackage("io.loadgrid.target..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loadgrid.agent..", "io.loadgrid.coordinator..")
                .check(classes);
    }

    @ArchTest
    void packagesByConcernNotUtils(JavaClasses classes) {
        noClasses().should().resideInAnyPackage("..util..", "..utils..")
                .orShould().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Helper")
                .check(classes);
    }

    @ArchTest
    void noPackageCyclesInsideAModule(JavaClasses classes) {
        ArchRule rule = SlicesRuleDefinition.slices().matching("io.loadgrid.(*).(*)..").namingSlices("$1.$2")
                .should().beFreeOfCycles();
        freeze(rule).check(classes);
    }

    @ArchTest
    void oneSimpleNamePerClass(JavaClasses classes) {
        freeze(SimpleNames.unique()).check(classes);
    }
}
