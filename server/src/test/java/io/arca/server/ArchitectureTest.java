package io.arca.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layering, checked on its compiled classes: handlers reach the database, the token
 * and the network only through ports (docs/ARCHITECTURE.md), and no two packages need each other.
 */
@AnalyzeClasses(packages = "io.arca.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule handlersUseNoJdbcPkcs11OrNettyTypes =
      noClasses()
          .that()
          .resideInAPackage("io.arca.server.op..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.sql..",
              "javax.sql..",
              "io.arca.persistence..",
              "org.xipki..",
              "iaik..",
              "io.arca.hsm..",
              "io.netty..")
          .because(
              "handlers talk to ports (ObjectStore, KeyBacking, AccessPolicy); the adapters"
                  + " (store, hsm, transport) hold JDBC, PKCS#11 and Netty");

  @ArchTest
  static final ArchRule whereARequestRunsIsInItsContextNotItsThread =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.arca.server.batch..",
              "io.arca.server.op..",
              "io.arca.server.store..",
              "io.arca.server.access..",
              "io.arca.server.audit..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.netty..")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(ThreadLocal.class)
          .because(
              "a handler answers from memory in InlineHandler.tryInline and blocks only in handle;"
                  + " the mode is RequestContext.mode(), never a mark on the event loop's thread");

  @ArchTest
  static final ArchRule handlersNeitherDecodeNorEncodeTheirPayloads =
      noClasses()
          .that()
          .resideInAPackage("io.arca.server.op..")
          .and()
          .doNotHaveSimpleName("PayloadCodecs")
          .should()
          .callMethodWhere(
              DescribedPredicate.describe(
                  "a payload class's Request.decode or Response.encode",
                  call ->
                      call.getTargetOwner().getPackageName().equals("io.arca.kmip.payload")
                          && ((call.getTargetOwner().getSimpleName().equals("Request")
                                  && call.getName().equals("decode"))
                              || (call.getTargetOwner().getSimpleName().equals("Response")
                                  && call.getName().equals("encode")))))
          .because(
              "the batch decodes each payload once and encodes each answer once, with the codec"
                  + " registered for the operation (op.PayloadCodecs)");

  @ArchTest
  static final ArchRule handlersReadAttributesThroughTheirTypedView =
      noClasses()
          .that()
          .resideInAPackage("io.arca.server.op..")
          .and()
          .doNotHaveSimpleName("AttributeView")
          .and()
          .doNotHaveSimpleName("ServerAttributes")
          .and()
          .doNotHaveSimpleName("ObjectAttributes")
          .should()
          .callMethodWhere(
              DescribedPredicate.describe(
                  "Attributes.first(int) or Attributes.all(int), an attribute looked up by tag",
                  call ->
                      call.getTargetOwner()
                              .getFullName()
                              .equals("io.arca.kmip.attribute.Attributes")
                          && (call.getName().equals("first") || call.getName().equals("all"))
                          && call.getTarget().getRawParameterTypes().size() == 1
                          && call.getTarget()
                              .getRawParameterTypes()
                              .get(0)
                              .getName()
                              .equals("int")))
          .because(
              "a handler asks op.AttributeView (and UsageLimits) for an attribute by name; only"
                  + " the view and the helpers that build and edit attribute lists"
                  + " (ServerAttributes, ObjectAttributes) decode attribute TTLV by tag");

  @ArchTest
  static final ArchRule serverPackagesAreFreeOfCycles =
      slices()
          .matching("io.arca.server.(*)..")
          .should()
          .beFreeOfCycles()
          .because("a package that needs another that needs it cannot be understood alone");
}
