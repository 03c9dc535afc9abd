package com.tierupgrade;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The packages import only downwards: no cycle, and the shared layers never import a feature. */
class PackageGraphTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.tierupgrade");

    @Test
    void shouldHaveNoPackageCycle() {
        slices().matching("com.tierupgrade.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldKeepTheSharedLayersFreeOfFeatures() {
        noClasses().that().resideInAnyPackage("..web..", "..db..", "..ops..", "..facts..", "..rules.fact..")
                .should().dependOnClassesThat().resideInAnyPackage("..customer..", "..history..", "..publishing..",
                        "..audience..", "..dashboard..", "..explanation..", "..population..", "..reevaluation..",
                        "..users..", "..evaluation..", "..rules.engine..", "..rules.compiler..", "..decision..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheEngineBelowTheCompilerAndTheFeatures() {
        noClasses().that().resideInAnyPackage("..rules.engine..", "..decision..")
                .should().dependOnClassesThat().resideInAnyPackage("..rules.compiler..", "..customer..",
                        "..history..", "..publishing..", "..population..", "..evaluation..")
                .check(MAIN);
    }
}
