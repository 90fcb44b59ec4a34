package io.arca.server.op;

import static io.arca.server.op.HandlerFixture.alice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Create Key Pair and Get with Key Format Type conversion of the halves, on a real store. */
class KeyPairHandlersTest {
  @TempDir Path dir;
  private HandlerFixture fixture;
  private CreateKeyPairHandler createKeyPair;
  private GetHandler get;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    createKeyPair = new CreateKeyPairHandler(fixture.store());
    get = new GetHandler(fixture.objects(), new ObjectFormats());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  static Attribute algorithm(CryptographicAlgorithm algorithm) {
    return Attribute.of(new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), algorithm.value()));
  }

  static Attribute length(int bits) {
    return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits));
  }

  static Attribute usage(CryptographicUsageMask... bits) {
    int mask = 0;
    for (CryptographicUsageMask bit : bits) {
      mask |= bit.value();
    }
    return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), mask));
  }

  static Attribute curve(RecommendedCurve curve) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.CRYPTOGRAPHIC_DOMAIN_PARAMETERS.code(),
            new TtlvEnumeration(Tag.RECOMMENDED_CURVE.code(), curve.value())));
  }

  /** Creates a pair; returns the private and the public uid. */
  static CreateKeyPair.Response createPair(
      CreateKeyPairHandler handler,
      RequestContext context,
      Attributes common,
      @Nullable Attributes privateKey,
      @Nullable Attributes publicKey) {
    ProtocolVersion version = context.protocolVersion();
    TtlvStructure response =
        Wire.handle(
            handler,
            new CreateKeyPair.Request(
                    common, privateKey, publicKey, CreateKeyPair.KeyPairMasks.NONE)
                .encode(version),
            context);
    return CreateKeyPair.Response.decode(response, version);
  }

  private CreateKeyPair.Response rsaPair(RequestContext context) {
    return createPair(
        createKeyPair,
        context,
        Attributes.of(algorithm(CryptographicAlgorithm.RSA), length(2048)),
        Attributes.of(usage(CryptographicUsageMask.SIGN)),
        Attributes.of(usage(CryptographicUsageMask.VERIFY)));
  }

  private KeyBlock getBlock(String uid, @Nullable KeyFormatType format, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    TtlvStructure response =
        Wire.handle(
            get,
            new Get.Request(uid, format == null ? null : format.value(), null, null, null)
                .encode(version),
            context);
    ManagedObject object = Get.Response.decode(response, version).object();
    return Objects.requireNonNull(object.keyBlock());
  }

  private static @Nullable String linked(ObjectRecord record, LinkType type) {
    for (Attribute link : record.attributes().all(Tag.LINK.code())) {
      TtlvStructure value = (TtlvStructure) link.value();
      Ttlv linkType = value.first(Tag.LINK_TYPE.code());
      if (linkType instanceof TtlvEnumeration e && e.value() == type.value()) {
        return ((TtlvTextString)
                Objects.requireNonNull(value.first(Tag.LINKED_OBJECT_IDENTIFIER.code())))
            .value();
      }
    }
    return null;
  }

  private static int intAttribute(ObjectRecord record, Tag tag) {
    Attribute attribute =
        Objects.requireNonNull(record.attributes().first(tag.code()), tag.xmlName());
    return attribute.value() instanceof TtlvEnumeration e
        ? e.value()
        : ((TtlvInteger) attribute.value()).value();
  }

  @Test
  void anRsaPairIsStoredAsTwoLinkedKeysWithTheirOwnUsageAndDigest() {
    RequestContext context = alice();
    CreateKeyPair.Response pair = rsaPair(context);

    ObjectRecord privateKey = fixture.store().find(pair.privateKeyUniqueIdentifier()).orElseThrow();
    ObjectRecord publicKey = fixture.store().find(pair.publicKeyUniqueIdentifier()).orElseThrow();
    assertThat(privateKey.objectType()).isEqualTo(ObjectType.PRIVATE_KEY);
    assertThat(publicKey.objectType()).isEqualTo(ObjectType.PUBLIC_KEY);
    assertThat(linked(privateKey, LinkType.PUBLIC_KEY_LINK)).isEqualTo(publicKey.uid());
    assertThat(linked(publicKey, LinkType.PRIVATE_KEY_LINK)).isEqualTo(privateKey.uid());
    assertThat(intAttribute(privateKey, Tag.CRYPTOGRAPHIC_USAGE_MASK))
        .isEqualTo(CryptographicUsageMask.SIGN.value());
    assertThat(intAttribute(publicKey, Tag.CRYPTOGRAPHIC_USAGE_MASK))
        .isEqualTo(CryptographicUsageMask.VERIFY.value());
    assertThat(intAttribute(privateKey, Tag.CRYPTOGRAPHIC_LENGTH)).isEqualTo(2048);
    TtlvStructure digest =
        (TtlvStructure)
            Objects.requireNonNull(privateKey.attributes().first(Tag.DIGEST.code())).value();
    assertThat(digest.first(Tag.KEY_FORMAT_TYPE.code()))
        .isEqualTo(new TtlvEnumeration(Tag.KEY_FORMAT_TYPE.code(), KeyFormatType.PKCS_1.value()));
    assertThat(context.batch().idPlaceholder()).isEqualTo(privateKey.uid());
  }

  @Test
  void rsaHalvesComeBackAsPkcs1AndConvertToTheOtherFormats() {
    RequestContext context = alice();
    CreateKeyPair.Response pair = rsaPair(context);
    String privateUid = pair.privateKeyUniqueIdentifier();
    String publicUid = pair.publicKeyUniqueIdentifier();

    assertThat(getBlock(privateUid, null, context).keyFormatType())
        .isEqualTo(KeyFormatType.PKCS_1.value());
    assertThat(getBlock(publicUid, null, context).keyFormatType())
        .isEqualTo(KeyFormatType.PKCS_1.value());
    for (KeyFormatType format :
        new KeyFormatType[] {KeyFormatType.PKCS_8, KeyFormatType.TRANSPARENT_RSA_PRIVATE_KEY}) {
      KeyBlock block = getBlock(privateUid, format, context);
      assertThat(block.keyFormatType()).isEqualTo(format.value());
      assertThat(block.cryptographicLength()).isEqualTo(2048);
    }
    for (KeyFormatType format :
        new KeyFormatType[] {KeyFormatType.X_509, KeyFormatType.TRANSPARENT_RSA_PUBLIC_KEY}) {
      assertThat(getBlock(publicUid, format, context).keyFormatType()).isEqualTo(format.value());
    }
  }

  @Test
  void aConversionTheKeyCannotTakeNamesBothFormats() {
    RequestContext context = alice();
    CreateKeyPair.Response pair = rsaPair(context);

    assertThatThrownBy(
            () ->
                getBlock(
                    pair.privateKeyUniqueIdentifier(),
                    KeyFormatType.TRANSPARENT_EC_PRIVATE_KEY,
                    context))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED);
              assertThat(e.getMessage()).contains("PKCS_1").contains("TransparentECPrivateKey");
            });
  }

  @Test
  void anEcPairOnP384DefaultsToTheTransparentFormsAndConvertsToDer() {
    RequestContext context = alice();
    CreateKeyPair.Response pair =
        createPair(
            createKeyPair,
            context,
            Attributes.of(algorithm(CryptographicAlgorithm.EC), curve(RecommendedCurve.P_384)),
            null,
            null);

    KeyBlock privateBlock = getBlock(pair.privateKeyUniqueIdentifier(), null, context);
    assertThat(privateBlock.keyFormatType())
        .isEqualTo(KeyFormatType.TRANSPARENT_EC_PRIVATE_KEY.value());
    assertThat(privateBlock.cryptographicLength()).isEqualTo(384);
    assertThat(
            getBlock(pair.privateKeyUniqueIdentifier(), KeyFormatType.PKCS_8, context)
                .keyFormatType())
        .isEqualTo(KeyFormatType.PKCS_8.value());
    assertThat(
            getBlock(pair.privateKeyUniqueIdentifier(), KeyFormatType.ECPRIVATEKEY, context)
                .keyFormatType())
        .isEqualTo(KeyFormatType.ECPRIVATEKEY.value());
    assertThat(
            getBlock(pair.publicKeyUniqueIdentifier(), KeyFormatType.X_509, context)
                .keyFormatType())
        .isEqualTo(KeyFormatType.X_509.value());
    ObjectRecord publicKey = fixture.store().find(pair.publicKeyUniqueIdentifier()).orElseThrow();
    assertThat(intAttribute(publicKey, Tag.CRYPTOGRAPHIC_LENGTH)).isEqualTo(384);
  }

  @Test
  void anEd25519PrivateKeyComesBackRawOnRequest() {
    RequestContext context = alice();
    CreateKeyPair.Response pair =
        createPair(
            createKeyPair,
            context,
            Attributes.of(algorithm(CryptographicAlgorithm.ED25519)),
            null,
            null);

    KeyBlock raw = getBlock(pair.privateKeyUniqueIdentifier(), KeyFormatType.RAW, context);
    assertThat(raw.keyFormatType()).isEqualTo(KeyFormatType.RAW.value());
    assertThat(
            getBlock(pair.publicKeyUniqueIdentifier(), KeyFormatType.RAW, context).keyFormatType())
        .isEqualTo(KeyFormatType.RAW.value());
  }

  @Test
  void aHalfsOwnAttributeTakesPrecedenceOverTheCommonOne() {
    RequestContext context = alice();
    CreateKeyPair.Response pair =
        createPair(
            createKeyPair,
            context,
            Attributes.of(
                algorithm(CryptographicAlgorithm.RSA),
                length(1024),
                usage(CryptographicUsageMask.SIGN, CryptographicUsageMask.VERIFY)),
            Attributes.of(usage(CryptographicUsageMask.SIGN)),
            null);

    ObjectRecord privateKey = fixture.store().find(pair.privateKeyUniqueIdentifier()).orElseThrow();
    ObjectRecord publicKey = fixture.store().find(pair.publicKeyUniqueIdentifier()).orElseThrow();
    assertThat(privateKey.attributes().all(Tag.CRYPTOGRAPHIC_USAGE_MASK.code())).hasSize(1);
    assertThat(intAttribute(privateKey, Tag.CRYPTOGRAPHIC_USAGE_MASK))
        .isEqualTo(CryptographicUsageMask.SIGN.value());
    assertThat(intAttribute(publicKey, Tag.CRYPTOGRAPHIC_USAGE_MASK))
        .isEqualTo(CryptographicUsageMask.SIGN.value() | CryptographicUsageMask.VERIFY.value());
  }

  @Test
  void aPairWithoutAnAlgorithmIsRefusedAndNothingIsStored() {
    RequestContext context = alice();
    assertThatThrownBy(
            () -> createPair(createKeyPair, context, Attributes.of(length(2048)), null, null))
        .isInstanceOfSatisfying(
            KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
    assertThat(context.batch().idPlaceholder()).isNull();
  }

  @Test
  void aOneDotXClientGetsThePairAndItsKeys() {
    RequestContext context = HandlerFixture.context("alice", ProtocolVersion.V1_4);
    CreateKeyPair.Response pair = rsaPair(context);

    assertThat(
            getBlock(pair.publicKeyUniqueIdentifier(), KeyFormatType.X_509, context)
                .keyFormatType())
        .isEqualTo(KeyFormatType.X_509.value());
  }
}
