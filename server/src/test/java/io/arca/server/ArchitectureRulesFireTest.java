package io.arca.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.arca.server.op.SelfDecodingHandler;
import io.arca.server.op.TagReadingHandler;
import io.arca.server.op.ThreadMarkingHandler;
import org.junit.jupiter.api.Test;

/** The rules of {@link ArchitectureTest} can fail: each is shown an offender. */
class ArchitectureRulesFireTest {
  @Test
  void aHandlerThatDecodesItsOwnPayloadIsRefused() {
    assertThatThrownBy(
            () ->
                ArchitectureTest.handlersNeitherDecodeNorEncodeTheirPayloads.check(
                    new ClassFileImporter().importClasses(SelfDecodingHandler.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Activate$Request.decode")
        .hasMessageContaining("Activate$Response.encode");
  }

  @Test
  void aHandlerThatAsksItsThreadWhereItRunsIsRefused() {
    assertThatThrownBy(
            () ->
                ArchitectureTest.whereARequestRunsIsInItsContextNotItsThread.check(
                    new ClassFileImporter().importClasses(ThreadMarkingHandler.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ThreadLocal");
  }

  @Test
  void aHandlerThatReadsAnAttributeByTagIsRefused() {
    assertThatThrownBy(
            () ->
                ArchitectureTest.handlersReadAttributesThroughTheirTypedView.check(
                    new ClassFileImporter().importClasses(TagReadingHandler.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Attributes.first(int)");
  }
}
