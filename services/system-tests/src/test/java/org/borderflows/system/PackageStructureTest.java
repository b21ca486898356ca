package org.borderflows.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of every module's main code, read from the modules' compiled classes ({@code target/classes}; the
 * reactor compiles them before this module): no import cycle between packages, and the Kafka Streams topologies
 * free of Micronaut (DEVELOPERS' guide: "topology code free of Micronaut"), benchmarks only in their own module.
 */
class PackageStructureTest {
    private static final List<String> MODULES = List.of(
            "schemas",
            "services/platform",
            "services/domain",
            "services/card-intake",
            "services/card-gateway",
            "services/card-loader",
            "services/stay-engine",
            "services/flow-query",
            "services/border-simulator",
            "services/estimates",
            "services/benchmarks/engine",
            "services/benchmarks/query",
            "services/benchmarks/cards");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        Path repo = Path.of("").toAbsolutePath().getParent().getParent();
        List<Path> dirs = MODULES.stream()
                .map(m -> repo.resolve(m).resolve("target/classes"))
                .toList();
        assertThat(dirs)
                .as("compiled main classes of every module (run from the reactor: mvn verify)")
                .allMatch(Files::isDirectory);
        classes = new ClassFileImporter().importPaths(dirs);
    }

    @Test
    void noPackageImportsAnotherThatImportsItBack() {
        slices().matching("org.borderflows.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void topologiesAreFreeOfMicronaut() {
        noClasses()
                .that()
                .resideInAPackage("..topology..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.micronaut..")
                .check(classes);
    }

    @Test
    void benchmarksLiveOnlyInTheBenchmarksModule() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.borderflows.benchmarks..")
                .should()
                .resideInAPackage("..bench..")
                .orShould()
                .haveSimpleNameEndingWith("Bench")
                .check(classes);
    }
}
