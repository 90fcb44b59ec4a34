package io.arca.server.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The KMIP requests the HSM end-to-end tests send, built with the codec's payload records. */
final class HsmRequests {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;

  private HsmRequests() {}

  static void assertRefused(
      KmipTestClient client,
      Operation operation,
      TtlvStructure payload,
      ResultReason reason,
      String what)
      throws Exception {
    ResponseBatchItem answer = client.call(operation, payload);
    assertThat(answer.resultStatus())
        .as("%s %s: %s", operation, what, answer.resultMessage())
        .isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(answer.resultReason())
        .as("%s %s: %s", operation, what, answer.resultMessage())
        .isEqualTo(reason.value());
  }

  static TtlvStructure decryptRequest(String uid, Encrypted encrypted, byte[] aad) {
    return new Decrypt.Request(
            uid,
            gcm(),
            ByteString.copyOf(encrypted.data),
            encrypted.iv == null ? null : ByteString.copyOf(encrypted.iv),
            null,
            null,
            null,
            ByteString.copyOf(aad),
            encrypted.tag == null ? null : ByteString.copyOf(encrypted.tag))
        .encode(V2_1);
  }

  static CreateKeyPair.Response createRsa(
      KmipTestClient client, String uid, int bits, boolean sensitive) throws Exception {
    Attributes common =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.RSA.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
    Attributes priv =
        Attributes.of(
            Attribute.of(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), uid)),
            Attribute.of(new TtlvBoolean(Tag.SENSITIVE.code(), sensitive)));
    TtlvStructure request =
        new CreateKeyPair.Request(
                common, priv, null, new CreateKeyPair.KeyPairMasks(List.of(), List.of(), List.of()))
            .encode(V2_1);
    return CreateKeyPair.Response.decode(client.ok(Operation.CREATE_KEY_PAIR, request), V2_1);
  }

  static Attributes aesAttributes(@Nullable String uid, int bits, boolean sensitive) {
    List<Attribute> items = new ArrayList<>();
    items.add(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    items.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
    if (uid != null) {
      items.add(Attribute.of(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), uid)));
      items.add(Attribute.of(new TtlvBoolean(Tag.SENSITIVE.code(), sensitive)));
    } else {
      // A database key is Active from its Activation Date; HSM keys are always Active.
      items.add(
          Attribute.of(
              TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), Instant.now().minusSeconds(60))));
    }
    return new Attributes(items, List.of());
  }

  static TtlvStructure createAes(
      @Nullable String uid, int bits, boolean sensitive, @Nullable String wrappingKey) {
    Attributes attributes = aesAttributes(uid, bits, sensitive);
    if (wrappingKey != null) {
      attributes =
          with(
              attributes,
              Attribute.vendor(
                  "arca",
                  "wrapping-key-id",
                  new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), wrappingKey)));
    }
    return Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V2_1);
  }

  static Attributes with(Attributes attributes, Attribute more) {
    List<Attribute> items = new ArrayList<>(attributes.items());
    items.add(more);
    return new Attributes(items, List.of());
  }

  static TtlvStructure get(String uid, @Nullable KeyFormatType format) {
    return new Get.Request(uid, format == null ? null : format.value(), null, null, null)
        .encode(V2_1);
  }

  static byte[] keyBytes(TtlvStructure getResponse) {
    ManagedObject object = Get.Response.decode(getResponse, V2_1).object();
    KeyValue.Plain plain =
        (KeyValue.Plain)
            Objects.requireNonNull(Objects.requireNonNull(object.keyBlock()).keyValue());
    return ((KeyMaterial.Bytes) plain.keyMaterial()).value().toByteArray();
  }

  static Attribute attribute(Attributes attributes, Tag tag) {
    return Objects.requireNonNull(attributes.first(tag.code()), tag.name());
  }

  static List<String> locateByName(KmipTestClient client, String name) throws Exception {
    Attributes byName =
        Attributes.of(
            Attribute.of(
                TtlvStructure.of(
                    Tag.NAME.code(),
                    new TtlvTextString(Tag.NAME_VALUE.code(), name),
                    new TtlvEnumeration(
                        Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value()))));
    return Locate.Response.decode(
            client.ok(Operation.LOCATE, Locate.Request.of(byName).encode(V2_1)), V2_1)
        .uniqueIdentifiers();
  }

  static List<String> locateByType(KmipTestClient client, ObjectType type) throws Exception {
    Attributes byType =
        Attributes.of(Attribute.of(new TtlvEnumeration(Tag.OBJECT_TYPE.code(), type.value())));
    return Locate.Response.decode(
            client.ok(Operation.LOCATE, Locate.Request.of(byType).encode(V2_1)), V2_1)
        .uniqueIdentifiers();
  }

  static void destroy(KmipTestClient client, String uid) throws Exception {
    client.ok(Operation.DESTROY, new Destroy.Request(uid).encode(V2_1));
  }

  /** Revokes (Cessation of Operation) and destroys a stored key. */
  static void retire(KmipTestClient client, String uid) throws Exception {
    client.ok(
        Operation.REVOKE,
        new Revoke.Request(
                uid,
                new Revoke.RevocationReason(
                    RevocationReasonCode.CESSATION_OF_OPERATION.value(), null),
                null)
            .encode(V2_1));
    destroy(client, uid);
  }

  static CryptographicParameters params(
      @Nullable BlockCipherMode mode,
      @Nullable PaddingMethod padding,
      @Nullable HashingAlgorithm hash) {
    return new CryptographicParameters(
        mode == null ? null : mode.value(),
        padding == null ? null : padding.value(),
        hash == null ? null : hash.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static CryptographicParameters oaep(@Nullable HashingAlgorithm hash) {
    return params(null, PaddingMethod.OAEP, hash);
  }

  static CryptographicParameters pkcs1() {
    return params(null, PaddingMethod.PKCS1_V1_5, null);
  }

  static CryptographicParameters gcm() {
    return params(BlockCipherMode.GCM, null, null);
  }

  /** What Encrypt answered. */
  static final class Encrypted {
    final byte[] data;
    final byte @Nullable [] iv;
    final byte @Nullable [] tag;

    Encrypted(byte[] data, byte @Nullable [] iv, byte @Nullable [] tag) {
      this.data = data;
      this.iv = iv;
      this.tag = tag;
    }
  }

  static TtlvStructure encryptRequest(
      String uid, byte[] data, CryptographicParameters parameters, byte @Nullable [] aad) {
    return new Encrypt.Request(
            uid,
            parameters,
            ByteString.copyOf(data),
            null,
            null,
            null,
            null,
            aad == null ? null : ByteString.copyOf(aad))
        .encode(V2_1);
  }

  static Encrypted encrypt(
      KmipTestClient client,
      String uid,
      byte[] data,
      CryptographicParameters parameters,
      byte @Nullable [] aad)
      throws Exception {
    Encrypt.Response response =
        Encrypt.Response.decode(
            client.ok(Operation.ENCRYPT, encryptRequest(uid, data, parameters, aad)), V2_1);
    ByteString iv = response.ivCounterNonce();
    ByteString tag = response.tag();
    return new Encrypted(
        Objects.requireNonNull(response.data()).toByteArray(),
        iv == null ? null : iv.toByteArray(),
        tag == null ? null : tag.toByteArray());
  }

  static byte[] decrypt(
      KmipTestClient client,
      String uid,
      byte[] data,
      CryptographicParameters parameters,
      byte @Nullable [] iv,
      byte @Nullable [] tag)
      throws Exception {
    return decrypt(client, uid, data, parameters, iv, tag, null);
  }

  static byte[] decrypt(
      KmipTestClient client,
      String uid,
      byte[] data,
      CryptographicParameters parameters,
      byte @Nullable [] iv,
      byte @Nullable [] tag,
      byte @Nullable [] aad)
      throws Exception {
    TtlvStructure request =
        new Decrypt.Request(
                uid,
                parameters,
                ByteString.copyOf(data),
                iv == null ? null : ByteString.copyOf(iv),
                null,
                null,
                null,
                aad == null ? null : ByteString.copyOf(aad),
                tag == null ? null : ByteString.copyOf(tag))
            .encode(V2_1);
    return Objects.requireNonNull(
            Decrypt.Response.decode(client.ok(Operation.DECRYPT, request), V2_1).data())
        .toByteArray();
  }
}
