package io.arca.kmip.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.WrappingMethod;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.EncryptionKeyInformation;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.KeyWrappingSpecification;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.CreateKeyPair.KeyPairMasks;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operations no OASIS case exercises (Set Attribute, Re-key, Re-key Key Pair, Get Usage
 * Allocation, Obtain Lease, Archive, Recover, Export, Import) round-trip from hand-built records in
 * 1.x and 2.x, and the two families of a payload give the same model.
 */
class PayloadRoundTripTest {
  private static final ProtocolVersion V14 = ProtocolVersion.V1_4;
  private static final ProtocolVersion V21 = ProtocolVersion.V2_1;

  private static final Attributes AES_128 =
      Attributes.of(
          Attribute.of(
              new TtlvEnumeration(
                  Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
          Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)),
          Attribute.vendor("x", "label", new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), "door")));

  private static final SymmetricKey KEY =
      new SymmetricKey(
          KeyBlock.of(
              KeyFormatType.RAW.value(),
              KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(new byte[16]))),
              CryptographicAlgorithm.AES.value(),
              128));

  /** A record, its encoder and decoder, in one version. */
  record Sample<T>(
      String name,
      T value,
      BiFunction<T, ProtocolVersion, TtlvStructure> encode,
      BiFunction<TtlvStructure, ProtocolVersion, T> decode) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static <T> Arguments sample(
      String name,
      T value,
      BiFunction<T, ProtocolVersion, TtlvStructure> encode,
      BiFunction<TtlvStructure, ProtocolVersion, T> decode) {
    return Arguments.of(new Sample<>(name, value, encode, decode));
  }

  static Stream<Arguments> samples() {
    KeyWrappingSpecification wrapping =
        new KeyWrappingSpecification(
            WrappingMethod.ENCRYPT.value(),
            new EncryptionKeyInformation("kek", null),
            null,
            List.of(),
            null);
    return Stream.of(
        sample(
            "SetAttribute.Request",
            new SetAttribute.Request("k1", AES_128.items().get(1)),
            SetAttribute.Request::encode,
            SetAttribute.Request::decode),
        sample(
            "SetAttribute.Response",
            new SetAttribute.Response("k1"),
            SetAttribute.Response::encode,
            SetAttribute.Response::decode),
        sample(
            "ReKey.Request",
            new ReKey.Request("k1", 3600L, AES_128, List.of()),
            ReKey.Request::encode,
            ReKey.Request::decode),
        sample(
            "ReKey.Request without anything",
            new ReKey.Request(null, null, null, List.of()),
            ReKey.Request::encode,
            ReKey.Request::decode),
        sample(
            "ReKeyKeyPair.Request",
            new ReKeyKeyPair.Request("k1", 60L, AES_128, null, AES_128, KeyPairMasks.NONE),
            ReKeyKeyPair.Request::encode,
            ReKeyKeyPair.Request::decode),
        sample(
            "ReKeyKeyPair.Response",
            new ReKeyKeyPair.Response("k2", "k3", null, null),
            ReKeyKeyPair.Response::encode,
            ReKeyKeyPair.Response::decode),
        sample(
            "GetUsageAllocation.Request",
            new GetUsageAllocation.Request("k1", 1L << 40),
            GetUsageAllocation.Request::encode,
            GetUsageAllocation.Request::decode),
        sample(
            "GetUsageAllocation.Response",
            new GetUsageAllocation.Response("k1"),
            GetUsageAllocation.Response::encode,
            GetUsageAllocation.Response::decode),
        sample(
            "ObtainLease.Request",
            new ObtainLease.Request(null),
            ObtainLease.Request::encode,
            ObtainLease.Request::decode),
        sample(
            "ObtainLease.Response",
            new ObtainLease.Response("k1", 3600L, 1_700_000_000L),
            ObtainLease.Response::encode,
            ObtainLease.Response::decode),
        sample(
            "Archive.Request",
            new Archive.Request("k1"),
            Archive.Request::encode,
            Archive.Request::decode),
        sample(
            "Recover.Response",
            new Recover.Response("k1"),
            Recover.Response::encode,
            Recover.Response::decode),
        sample(
            "Check.Response",
            new Check.Response("k1", 5L, 12, 60L),
            Check.Response::encode,
            Check.Response::decode),
        sample(
            "Export.Request",
            new Export.Request("k1", KeyFormatType.RAW.value(), 1, null, wrapping),
            Export.Request::encode,
            Export.Request::decode),
        sample(
            "Export.Response",
            new Export.Response(ObjectType.SYMMETRIC_KEY.value(), "k1", AES_128, KEY),
            Export.Response::encode,
            Export.Response::decode),
        sample(
            "Import.Request",
            new Import.Request("k1", ObjectType.SYMMETRIC_KEY.value(), true, 1, AES_128, KEY),
            Import.Request::encode,
            Import.Request::decode),
        sample(
            "Import.Response",
            new Import.Response("k1"),
            Import.Response::encode,
            Import.Response::decode),
        sample(
            "Get.Request",
            new Get.Request("k1", KeyFormatType.RAW.value(), 1, 1, wrapping),
            Get.Request::encode,
            Get.Request::decode),
        sample(
            "Locate.Request",
            new Locate.Request(10, 5, 1, 1, AES_128),
            Locate.Request::encode,
            Locate.Request::decode),
        sample(
            "DeriveKey.Request",
            new DeriveKey.Request(
                ObjectType.SYMMETRIC_KEY.value(),
                List.of("k1"),
                DerivationMethod.PBKDF2.value(),
                new DeriveKey.Parameters(
                    null,
                    null,
                    List.of(),
                    ByteString.copyOf("salt".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    4096),
                AES_128),
            DeriveKey.Request::encode,
            DeriveKey.Request::decode),
        sample(
            "DeriveKey.Response",
            new DeriveKey.Response("k2", null),
            DeriveKey.Response::encode,
            DeriveKey.Response::decode),
        sample(
            "CreateKeyPair.Response with 1.x attributes",
            new CreateKeyPair.Response("k2", "k3", AES_128, AES_128),
            CreateKeyPair.Response::encode,
            CreateKeyPair.Response::decode));
  }

  @ParameterizedTest
  @MethodSource("samples")
  <T> void roundTripsIn1x(Sample<T> sample) {
    assertThat(sample.decode().apply(sample.encode().apply(sample.value(), V14), V14))
        .isEqualTo(sample.value());
  }

  @ParameterizedTest
  @MethodSource("samples")
  <T> void roundTripsIn2x(Sample<T> sample) {
    TtlvStructure encoded = sample.encode().apply(sample.value(), V21);
    T decoded = sample.decode().apply(encoded, V21);

    assertThat(sample.decode().apply(sample.encode().apply(decoded, V21), V21)).isEqualTo(decoded);
  }

  @Test
  void twoXMasksRoundTripAndAreNotWrittenIn1x() {
    Create.Request request =
        new Create.Request(ObjectType.SYMMETRIC_KEY.value(), AES_128, List.of(1, 2));

    assertThat(Create.Request.decode(request.encode(V21), V21)).isEqualTo(request);
    assertThat(request.encode(V14).first(Tag.PROTECTION_STORAGE_MASKS.code())).isNull();
  }

  @Test
  void oneXResponseAttributesAreNotWrittenIn2x() {
    Create.Response response = new Create.Response(2, "k1", AES_128);

    assertThat(response.encode(V21).items()).hasSize(2);
    assertThat(Create.Response.decode(response.encode(V21), V21))
        .isEqualTo(Create.Response.of(2, "k1"));
  }

  @Test
  void getAttributesAsksByNameIn1xAndByReferenceIn2xForTheSameModel() {
    GetAttributes.Request request =
        new GetAttributes.Request(
            "k1",
            List.of(
                AttributeReference.tag(Tag.CRYPTOGRAPHIC_LENGTH.code()),
                AttributeReference.vendor("x", "label")));

    TtlvStructure v14 = request.encode(V14);
    TtlvStructure v21 = request.encode(V21);

    assertThat(v14.all(Tag.ATTRIBUTE_NAME.code()))
        .containsExactly(
            new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "Cryptographic Length"),
            new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "x-label"));
    assertThat(v21.all(Tag.ATTRIBUTE_REFERENCE.code())).hasSize(2);
    assertThat(GetAttributes.Request.decode(v14, V14)).isEqualTo(request);
    assertThat(GetAttributes.Request.decode(v21, V21)).isEqualTo(request);
  }

  @Test
  void importHasAnObjectTypeFieldFrom2xOnlyAndBareAttributesIn1x() {
    Import.Request request =
        new Import.Request("k1", ObjectType.SYMMETRIC_KEY.value(), null, null, AES_128, KEY);

    TtlvStructure v14 = request.encode(V14);
    TtlvStructure v21 = request.encode(V21);

    assertThat(v14.first(Tag.OBJECT_TYPE.code())).isNull();
    assertThat(v14.all(Tag.ATTRIBUTE.code())).hasSize(3);
    assertThat(v21.first(Tag.OBJECT_TYPE.code())).isNotNull();
    assertThat(v21.first(Tag.ATTRIBUTES.code())).isNotNull();
    assertThat(Import.Request.decode(v14, V14)).isEqualTo(request);
  }

  @Test
  void modifyAttributeCarriesCurrentAttributeIn2xOnly() {
    Attribute current = AES_128.items().get(1);
    Attribute next = Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256));
    ModifyAttribute.Request request = new ModifyAttribute.Request("k1", current, next);

    assertThat(ModifyAttribute.Request.decode(request.encode(V21), V21)).isEqualTo(request);
    assertThat(ModifyAttribute.Request.decode(request.encode(V14), V14))
        .isEqualTo(new ModifyAttribute.Request("k1", null, next));
  }

  @Test
  void deleteAttributeByIndexIn1xAndByValueIn2x() {
    DeleteAttribute.Request v1 =
        new DeleteAttribute.Request("k1", AttributeReference.vendor("x", "label"), 2, null);
    DeleteAttribute.Request v2 =
        new DeleteAttribute.Request(null, null, null, AES_128.items().get(0));

    assertThat(DeleteAttribute.Request.decode(v1.encode(V14), V14)).isEqualTo(v1);
    assertThat(DeleteAttribute.Request.decode(v2.encode(V21), V21)).isEqualTo(v2);
  }

  @Test
  void samplesCoverEveryOperationWithoutAnOasisCase() {
    List<String> names =
        samples().map(a -> a.get()[0].toString()).map(n -> n.substring(0, n.indexOf('.'))).toList();

    assertThat(names)
        .contains(
            "SetAttribute",
            "ReKey",
            "ReKeyKeyPair",
            "GetUsageAllocation",
            "ObtainLease",
            "Archive",
            "Recover",
            "Export",
            "Import",
            "DeriveKey");
  }

  @Test
  void factoriesFillInWhatTheObjectAlreadySays() {
    assertThat(Register.Request.of(KEY, AES_128))
        .isEqualTo(new Register.Request(ObjectType.SYMMETRIC_KEY.value(), AES_128, KEY, List.of()));
    assertThat(Get.Response.of("k1", KEY))
        .isEqualTo(new Get.Response(ObjectType.SYMMETRIC_KEY.value(), "k1", KEY));
    assertThat(Get.Request.of("k1")).isEqualTo(new Get.Request("k1", null, null, null, null));
    assertThat(Create.Request.of(2, AES_128)).isEqualTo(new Create.Request(2, AES_128, List.of()));
    assertThat(Locate.Request.of(AES_128))
        .isEqualTo(new Locate.Request(null, null, null, null, AES_128));
    assertThat(CreateKeyPair.Response.of("k2", "k3"))
        .isEqualTo(new CreateKeyPair.Response("k2", "k3", null, null));
  }
}
