package org.rehabmap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house's layers, checked on the product's classes. From the top: the command line (cli); the jobs
 * (ingest, conform, curate, model, publish, generate, notebook); the step runner and operations
 * (pipeline, ops, audit); the low packages everything stands on (gold and bronze, what the jobs share;
 * lake, contracts, rules, stats, config, text, crash). Each package depends only on packages below it, no
 * two packages lean on each other, and the jobs share what they share through a package below them
 * rather than by importing one another. A class named only in a string (a step loaded by name) is
 * invisible here, which is why the command line builds its steps with new.
 */
@AnalyzeClasses(packages = "org.rehabmap", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The jobs: each is a step or a command's work, and none knows another. */
    static final List<String> JOBS = List.of("ingest", "conform", "curate", "model", "publish", "generate", "notebook");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("org.rehabmap.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersDependDownwardOnly = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("cli")
            .definedBy("org.rehabmap.cli..")
            .layer("jobs")
            .definedBy(JOBS.stream().map(j -> "org.rehabmap." + j + "..").toArray(String[]::new))
            .layer("runner")
            .definedBy(
                    "org.rehabmap.pipeline..", "org.rehabmap.ops..", "org.rehabmap.audit..", "org.rehabmap.supplier..")
            .layer("low")
            .definedBy(
                    "org.rehabmap.gold..",
                    "org.rehabmap.bronze..",
                    "org.rehabmap.lake..",
                    "org.rehabmap.contracts..",
                    "org.rehabmap.rules..",
                    "org.rehabmap.stats..",
                    "org.rehabmap.config..",
                    "org.rehabmap.text..",
                    "org.rehabmap.crash..")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("jobs")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("runner")
            .mayOnlyBeAccessedByLayers("cli", "jobs")
            .whereLayer("low")
            .mayOnlyBeAccessedByLayers("cli", "jobs", "runner");

    @ArchTest
    static void jobsDoNotImportEachOther(JavaClasses classes) {
        for (String job : JOBS) {
            String[] others = JOBS.stream()
                    .filter(j -> !j.equals(job))
                    .map(j -> "org.rehabmap." + j + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("org.rehabmap." + job + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because("what two jobs share belongs in a package below both")
                    .check(classes);
        }
    }

    @ArchTest
    static final ArchRule productDoesNotUseTestOrToolingCode = noClasses()
            .that()
            .resideOutsideOfPackages("org.rehabmap.testing..", "org.rehabmap.bench..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.rehabmap.testing..", "org.rehabmap.bench..")
            .because("the product jar carries neither the test helpers nor the benchmark tooling");
}
