package io.arca.server.op;

import static io.arca.server.op.HandlerFixture.alice;
import static io.arca.server.op.KeyPairHandlersTest.algorithm;
import static io.arca.server.op.KeyPairHandlersTest.createPair;
import static io.arca.server.op.KeyPairHandlersTest.curve;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.ReKeyKeyPair;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectRecord;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-key Key Pair on a real store. */
class ReKeyKeyPairHandlerTest {
  @TempDir Path dir;
  private HandlerFixture fixture;
  private CreateKeyPairHandler createKeyPair;
  private ReKeyKeyPairHandler reKeyKeyPair;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    KeyMaker maker = new KeyMaker(new SecureRandom());
    createKeyPair = new CreateKeyPairHandler(fixture.store());
    reKeyKeyPair = new ReKeyKeyPairHandler(fixture.objects(), maker);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private ObjectRecord record(String uid) {
    return fixture.store().find(uid).orElseThrow();
  }

  private static @Nullable String link(ObjectRecord record, LinkType type) {
    for (Attribute link : record.attributes().all(Tag.LINK.code())) {
      TtlvStructure value = (TtlvStructure) link.value();
      if (value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration e
          && e.value() == type.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString t) {
        return t.value();
      }
    }
    return null;
  }

  @Test
  void aNewEcPairOnTheSameCurveReplacesBothHalves() {
    RequestContext context = alice();
    CreateKeyPair.Response old =
        createPair(
            createKeyPair,
            context,
            Attributes.of(algorithm(CryptographicAlgorithm.EC), curve(RecommendedCurve.P_256)),
            null,
            null);

    RequestContext reKeyContext = alice();
    ReKeyKeyPair.Response fresh =
        ReKeyKeyPair.Response.decode(
            Wire.handle(
                reKeyKeyPair,
                new ReKeyKeyPair.Request(
                        old.privateKeyUniqueIdentifier(),
                        null,
                        null,
                        null,
                        null,
                        CreateKeyPair.KeyPairMasks.NONE)
                    .encode(reKeyContext.protocolVersion()),
                reKeyContext),
            reKeyContext.protocolVersion());

    ObjectRecord newPrivate = record(fresh.privateKeyUniqueIdentifier());
    ObjectRecord newPublic = record(fresh.publicKeyUniqueIdentifier());
    assertThat(newPrivate.objectType()).isEqualTo(ObjectType.PRIVATE_KEY);
    assertThat(link(newPrivate, LinkType.PUBLIC_KEY_LINK)).isEqualTo(newPublic.uid());
    assertThat(link(newPublic, LinkType.PRIVATE_KEY_LINK)).isEqualTo(newPrivate.uid());
    assertThat(link(newPrivate, LinkType.REPLACED_OBJECT_LINK))
        .isEqualTo(old.privateKeyUniqueIdentifier());
    assertThat(link(newPublic, LinkType.REPLACED_OBJECT_LINK))
        .isEqualTo(old.publicKeyUniqueIdentifier());
    assertThat(link(record(old.privateKeyUniqueIdentifier()), LinkType.REPLACEMENT_OBJECT_LINK))
        .isEqualTo(newPrivate.uid());
    assertThat(link(record(old.publicKeyUniqueIdentifier()), LinkType.REPLACEMENT_OBJECT_LINK))
        .isEqualTo(newPublic.uid());
    assertThat(new AttributeView(newPublic.attributes()).cryptographicLength()).isEqualTo(256);
    assertThat(reKeyContext.batch().idPlaceholder()).isEqualTo(newPrivate.uid());
  }
}
