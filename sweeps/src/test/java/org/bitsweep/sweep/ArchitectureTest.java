package org.bitsweep.sweep;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The architecture as tests (ArchUnit, on the compiled main classes of every module on this classpath): the module
 * directions of ARCHITECTURE.md, the one-way order of the sweeps packages (model → file → space → eval → store →
 * report), and no package cycles inside any module.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.bitsweep");

    @Test
    void modulesDependOneWayAsTheArchitectureSays() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("workloads").definedBy("org.bitsweep.workloads..")
                .layer("cost-models").definedBy("org.bitsweep.cost..")
                .layer("pe-models").definedBy("org.bitsweep.pe..")
                .layer("simulator").definedBy("org.bitsweep.sim..")
                .layer("reports").definedBy("org.bitsweep.report..")
                .layer("sweeps").definedBy("org.bitsweep.sweep..")
                .whereLayer("sweeps").mayNotBeAccessedByAnyLayer()
                .whereLayer("reports").mayOnlyBeAccessedByLayers("sweeps")
                .whereLayer("simulator").mayOnlyBeAccessedByLayers("sweeps")
                .whereLayer("pe-models").mayOnlyBeAccessedByLayers("simulator", "sweeps")
                .whereLayer("cost-models").mayOnlyBeAccessedByLayers("pe-models", "simulator", "sweeps")
                .whereLayer("workloads").mayOnlyBeAccessedByLayers("pe-models", "simulator", "sweeps")
                .check(CLASSES);
    }

    @Test
    void sweepPackagesDependOneWayFromTheFileToTheReport() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("vocabulary").definedBy("org.bitsweep.sweep.model..", "org.bitsweep.sweep.expr..",
                        "org.bitsweep.sweep.pareto..")
                .layer("file").definedBy("org.bitsweep.sweep.file..")
                .layer("space").definedBy("org.bitsweep.sweep.space..")
                .layer("eval").definedBy("org.bitsweep.sweep.eval..")
                .layer("store").definedBy("org.bitsweep.sweep.store..")
                .layer("report").definedBy("org.bitsweep.sweep.report..")
                .layer("exec").definedBy("org.bitsweep.sweep.exec..")
                .layer("commands").definedBy("org.bitsweep.sweep", "org.bitsweep.sweep.cli..")
                .whereLayer("commands").mayNotBeAccessedByAnyLayer()
                .whereLayer("exec").mayOnlyBeAccessedByLayers("commands")
                .whereLayer("report").mayOnlyBeAccessedByLayers("commands")
                .whereLayer("store").mayOnlyBeAccessedByLayers("report", "commands")
                .whereLayer("eval").mayOnlyBeAccessedByLayers("store", "report", "exec", "commands")
                .whereLayer("space").mayOnlyBeAccessedByLayers("eval", "store", "report", "exec", "commands")
                .whereLayer("file").mayOnlyBeAccessedByLayers("space", "eval", "store", "report", "exec", "commands")
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.bitsweep.workloads", "org.bitsweep.cost", "org.bitsweep.pe", "org.bitsweep.sim",
            "org.bitsweep.report", "org.bitsweep.sweep"})
    void noModuleHasAPackageCycle(String root) {
        slices().assignedFrom(packagesOf(root)).should().beFreeOfCycles().check(CLASSES);
    }

    /** Each package under {@code root}, the root's own classes included, is one slice. */
    static SliceAssignment packagesOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.equals(root) || p.startsWith(root + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + root;
            }
        };
    }
}
