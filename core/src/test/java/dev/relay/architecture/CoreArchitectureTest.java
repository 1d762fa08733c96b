package dev.relay.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the core pure: no storage, transport or logging implementation, no adapter, no static mutable state. */
class CoreArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.relay");

  @Test
  void coreImportsNoJdbcHttpOrLoggingImplementation() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "java.sql..", "javax.sql..", "java.net.http..", "com.sun.net.httpserver..", "jakarta.servlet..",
            "javax.servlet..", "io.javalin..", "org.slf4j.impl..", "org.slf4j.simple..", "ch.qos.logback..",
            "org.apache.logging.log4j..", "java.util.logging..")
        .check(CORE);
  }

  @Test
  void coreNeverDependsOnAnAdapter() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.relay.jdbc..", "dev.relay.rest..")
        .check(CORE);
  }

  @Test
  void coreHasNoStaticMutableState() {
    fields().that().areStatic().should().beFinal().allowEmptyShould(true).check(CORE);
  }

  @Test
  void coreStartsNoThreads() {
    noClasses().should().callMethod(Thread.class, "start")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ForkJoinPool")
        .check(CORE);
  }
}
