package io.loadgrid.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The modules point one way, agent → common ← report ← coordinator, and the target stands beside them; inside a
 * module, packages do not depend on each other in circles. Over every module's main classes.
 *
 * <p>The rules are checked in methods, not declared as fields: Surefire 3.5.3 neither runs nor fails field rules
 * (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "io.loadgrid", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    void commonDependsOnNoOtherModule(JavaClasses classes) {
        noClasses()
                .that()
                .resideInAPackage("io.loadgrid.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.loadgrid.agent..",
                        "io.loadgrid.coordinator..",
                        "io.loadgrid.report..",
                        "io.loadgrid.testbed..")
                .check(classes);
    }

    @ArchTest
    void agentKnowsOnlyCommon(JavaClasses classes) {
        noClasses()
                .that()
                .resideInAPackage("io.loadgrid.agent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.loadgrid.coordinator..", "io.loadgrid.report..", "io.loadgrid.testbed..")
                .check(classes);
    }

    /** Results, their reports and compare need no cluster: they read and write files of common's records. */
    @ArchTest
    void reportKnowsOnlyCommon(JavaClasses classes) {
        noClasses()
                .that()
                .resideInAPackage("io.loadgrid.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.loadgrid.agent..", "io.loadgrid.coordinator..", "io.loadgrid.testbed..")
                .check(classes);
    }

    /** The coordinator starts agents and the embedded target as processes, by their main class's name only. */
    @ArchTest
    void coordinatorKnowsOnlyCommonAndReport(JavaClasses classes) {
        noClasses()
                .that()
                .resideInAPackage("io.loadgrid.coordinator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.loadgrid.agent..", "io.loadgrid.testbed..")
                .check(classes);
    }

    @ArchTest
    void targetKnowsOnlyCommon(JavaClasses classes) {
        noClasses()
                .that()
                .resideInAPackage("io.loadgrid.testbed..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.loadgrid.agent..", "io.loadgrid.coordinator..", "io.loadgrid.report..")
                .check(classes);
    }

    @ArchTest
    void packagesByConcernNotUtils(JavaClasses classes) {
        noClasses()
                .should()
                .resideInAnyPackage("..util..", "..utils..")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .check(classes);
    }

    /** Inside a module, its top-level packages (sub-packages folded in) do not depend on each other in circles. */
    @ArchTest
    void noPackageCyclesInsideAModule(JavaClasses classes) {
        slices().matching("io.loadgrid.(*).(*)..").should().beFreeOfCycles().check(classes);
    }

    @ArchTest
    void oneSimpleNamePerClass(JavaClasses classes) {
        SimpleNames.unique().check(classes);
    }
}
