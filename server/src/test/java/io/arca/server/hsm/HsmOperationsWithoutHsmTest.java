package io.arca.server.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.BatchState;
import io.arca.server.batch.RequestContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What {@code hsm::} requests get from a server without an HSM, and what the HSM front leaves to
 * the usual handlers.
 */
class HsmOperationsWithoutHsmTest {
  private final HsmOperations operations = new HsmOperations(null);

  private static RequestContext context(ProtocolVersion version) {
    return new RequestContext("alice", version, Instant.EPOCH, new BatchState());
  }

  private static Create.Request createAes(String name) {
    return Create.Request.of(
        ObjectType.SYMMETRIC_KEY.value(),
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
            Attribute.of(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), name))));
  }

  @Test
  void creatingAnHsmKeyWithoutAnHsmIsNotSupported() {
    assertThatThrownBy(
            () ->
                operations.handle(
                    Operation.CREATE,
                    createAes("hsm::1::k").encode(ProtocolVersion.V2_1),
                    context(ProtocolVersion.V2_1)))
        .isInstanceOf(KmipException.class)
        .hasMessageContaining("no HSM")
        .extracting(e -> ((KmipException) e).reason())
        .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED);
  }

  @Test
  void anHsmObjectWithoutAnHsmIsNotFoundInTheClientsVersion() {
    assertThatThrownBy(
            () ->
                operations.handle(
                    Operation.GET,
                    Get.Request.of("hsm::1::k").encode(ProtocolVersion.V1_4),
                    context(ProtocolVersion.V1_4)))
        .extracting(e -> ((KmipException) e).reason())
        .isEqualTo(ResultReason.ITEM_NOT_FOUND);
    assertThatThrownBy(
            () ->
                operations.handle(
                    Operation.GET,
                    Get.Request.of("hsm::1::k").encode(ProtocolVersion.V2_1),
                    context(ProtocolVersion.V2_1)))
        .extracting(e -> ((KmipException) e).reason())
        .isEqualTo(ResultReason.OBJECT_NOT_FOUND);
  }

  @Test
  void databaseObjectsGoToTheUsualHandlers() {
    assertThat(
            operations.handle(
                Operation.GET,
                Get.Request.of("0b2c-uuid").encode(ProtocolVersion.V2_1),
                context(ProtocolVersion.V2_1)))
        .isNull();
    assertThat(
            operations.handle(
                Operation.CREATE,
                createAes("not-an-hsm-id").encode(ProtocolVersion.V2_1),
                context(ProtocolVersion.V2_1)))
        .isNull();
  }
}
