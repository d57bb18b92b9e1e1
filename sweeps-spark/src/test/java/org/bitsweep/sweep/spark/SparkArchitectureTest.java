package org.bitsweep.sweep.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Spark stays behind the engine: no class of ours outside this package uses Spark, and nothing of ours uses this
 * package (the command line finds it through ServiceLoader), so the plain command line never loads Spark.
 */
class SparkArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.bitsweep");

    @Test
    void onlyTheSparkPackageSeesSpark() {
        noClasses().that().resideInAPackage("org.bitsweep..").and().resideOutsideOfPackage("org.bitsweep.sweep.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.spark..").check(CLASSES);
    }

    @Test
    void nothingOfOursDependsOnTheSparkPackage() {
        noClasses().that().resideInAPackage("org.bitsweep..").and().resideOutsideOfPackage("org.bitsweep.sweep.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.bitsweep.sweep.spark..").check(CLASSES);
    }
}
