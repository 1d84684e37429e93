package io.ganglion.firmware;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import rules of docs/architecture.md, checked on the compiled main classes of every module. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> location.contains("/target/classes")
            || location.asURI().toString().matches(".*/ganglion-[a-z]+-[^/]*\\.jar.*"))
        .importPackages("io.ganglion");
    for (String probe : new String[] {"io.ganglion.controllers.fixed.Q16", "io.ganglion.drivers.GanglionException",
        "io.ganglion.firmware.cli.GanglionMain"}) {
      if (!classes.contain(probe)) {
        throw new AssertionError("the architecture test did not see " + probe + "; check the import option");
      }
    }
  }

  @Test
  void controllersImportNoOtherModuleAndNoIo() {
    noClasses().that().resideInAPackage("io.ganglion.controllers..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.ganglion.drivers..", "io.ganglion.sim..", "io.ganglion.telemetry..",
            "io.ganglion.firmware..", "com.pi4j..", "org.eclipse.paho..", "java.io..",
            "java.nio.file..", "java.net..", "com.fasterxml..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void driversImportNoControllersSimTelemetryOrFirmware() {
    noClasses().that().resideInAPackage("io.ganglion.drivers..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.ganglion.controllers..", "io.ganglion.sim..", "io.ganglion.telemetry..", "io.ganglion.firmware..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void simImportsNeitherTelemetryNorFirmware() {
    noClasses().that().resideInAPackage("io.ganglion.sim..")
        .should().dependOnClassesThat().resideInAnyPackage("io.ganglion.telemetry..", "io.ganglion.firmware..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void telemetryImportsNeitherControllersSimNorFirmware() {
    noClasses().that().resideInAPackage("io.ganglion.telemetry..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.ganglion.controllers..", "io.ganglion.sim..", "io.ganglion.firmware..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.ganglion.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
  }
}
