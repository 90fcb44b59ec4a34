package io.arca.server.op;

import static io.arca.server.op.HandlerFixture.alice;
import static io.arca.server.op.KeyPairHandlersTest.algorithm;
import static io.arca.server.op.KeyPairHandlersTest.length;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Export;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Import;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and Import on a real store. */
class ExportImportTest {
  @TempDir Path dir;
  private HandlerFixture fixture;
  private CreateHandler create;
  private GetHandler get;
  private ExportHandler export;
  private ImportHandler importer;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    create = new CreateHandler(fixture.store());
    get = new GetHandler(fixture.objects(), new ObjectFormats());
    export = new ExportHandler(get);
    importer = new ImportHandler(fixture.objects());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private String createAes() {
    RequestContext context = alice();
    return Create.Response.decode(
            Wire.handle(
                create,
                Create.Request.of(
                        ObjectType.SYMMETRIC_KEY.value(),
                        Attributes.of(algorithm(CryptographicAlgorithm.AES), length(256)))
                    .encode(context.protocolVersion()),
                context),
            context.protocolVersion())
        .uniqueIdentifier();
  }

  private Export.Response export(String uid) {
    RequestContext context = alice();
    return Export.Response.decode(
        Wire.handle(
            export,
            new Export.Request(uid, null, null, null, null).encode(context.protocolVersion()),
            context),
        context.protocolVersion());
  }

  private String importAs(String uid, @Nullable Boolean replace, Export.Response exported) {
    RequestContext context = alice();
    return Import.Response.decode(
            Wire.handle(
                importer,
                new Import.Request(
                        uid,
                        exported.objectType(),
                        replace,
                        null,
                        exported.attributes(),
                        exported.object())
                    .encode(context.protocolVersion()),
                context),
            context.protocolVersion())
        .uniqueIdentifier();
  }

  private byte[] keyBytes(String uid) {
    RequestContext context = alice();
    ManagedObject object =
        Get.Response.decode(
                Wire.handle(get, Get.Request.of(uid).encode(context.protocolVersion()), context),
                context.protocolVersion())
            .object();
    KeyValue.Plain plain =
        (KeyValue.Plain)
            Objects.requireNonNull(Objects.requireNonNull(object.keyBlock()).keyValue());
    return ((KeyMaterial.Bytes) plain.keyMaterial()).value().toByteArray();
  }

  @Test
  void anExportedKeyImportsUnderANewIdentifierWithItsMaterialAndAttributes() {
    String uid = createAes();
    Export.Response exported = export(uid);
    assertThat(exported.attributes().first(Tag.UNIQUE_IDENTIFIER.code()))
        .extracting(a -> a == null ? null : a.value())
        .isEqualTo(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), uid));

    String copy = importAs("imported-1", null, exported);

    assertThat(copy).isEqualTo("imported-1");
    assertThat(keyBytes(copy)).isEqualTo(keyBytes(uid)).isNotEqualTo(new byte[32]);
    assertThat(fixture.store().find(copy).orElseThrow().attributes().first(Tag.DIGEST.code()))
        .isNotNull();
  }

  @Test
  void aNewIdentifierFollowsTheRulesOfAnyChosenOne() {
    Export.Response exported = export(createAes());

    for (String bad : new String[] {"has space", "hsm::1::mine", "-option", ""}) {
      assertThatThrownBy(() -> importAs(bad, null, exported))
          .as(bad)
          .isInstanceOfSatisfying(
              KmipException.class,
              e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_ATTRIBUTE_VALUE));
    }
  }

  @Test
  void anExistingIdentifierIsReplacedOnlyWhenAsked() {
    String first = createAes();
    String second = createAes();
    Export.Response exported = export(second);

    assertThatThrownBy(() -> importAs(first, false, exported))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.OBJECT_ALREADY_EXISTS));
    importAs(first, true, exported);
    assertThat(keyBytes(first)).isEqualTo(keyBytes(second));
  }

  @Test
  void anImportedNameMustBeFreeUnlessItsHolderIsReplaced() {
    String named = createAes();
    Attribute name = AttributeTestBase.name("imported-name");
    Wire.handle(
        new AddAttributeHandler(fixture.objects()),
        new AddAttribute.Request(named, name).encode(ProtocolVersion.V2_1),
        alice());
    Export.Response exported = export(named);

    assertThatThrownBy(() -> importAs("imported-2", null, exported))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.NON_UNIQUE_NAME_ATTRIBUTE));
    assertThat(importAs(named, true, exported)).isEqualTo(named);
  }

  @Test
  void exportServesOneDotFourClients() {
    // KMIP 1.4 added Export (and Import); the version gate refuses it only before 1.4.
    String uid = createAes();
    RequestContext v14 = HandlerFixture.context("alice", ProtocolVersion.V1_4);
    Export.Response response =
        Export.Response.decode(
            Wire.handle(
                export,
                new Export.Request(uid, null, null, null, null).encode(ProtocolVersion.V1_4),
                v14),
            ProtocolVersion.V1_4);
    assertThat(response.uniqueIdentifier()).isEqualTo(uid);
  }
}
