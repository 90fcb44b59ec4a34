package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RNGAlgorithm;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.UsageLimitsUnit;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.object.Template;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetUsageAllocation;
import io.arca.kmip.payload.ObtainLease;
import io.arca.kmip.payload.Register;
import io.arca.kmip.payload.SetAttribute;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.crypto.ServerRandom;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The attributes the server sets and keeps (Always Sensitive, Never Extractable, Fresh, Lease Time,
 * Random Number Generator, Short Unique Identifier, Key Format Type), 1.x Templates, Obtain Lease
 * and Get Usage Allocation, on a real store.
 */
class ServerAttributesTest extends AttributeTestBase {

  private Attributes attributes(String uid, ProtocolVersion version) {
    return ObjectAttributes.forVersion(ObjectAttributes.of(record(uid)), version);
  }

  private static Ttlv value(Attributes attributes, Tag tag) {
    return Objects.requireNonNull(attributes.first(tag.code()), tag.xmlName()).value();
  }

  private static boolean flag(Attributes attributes, Tag tag) {
    return ((TtlvBoolean) value(attributes, tag)).value();
  }

  private void set(String uid, Tag tag, boolean value) {
    Wire.handle(
        new SetAttributeHandler(objects),
        new SetAttribute.Request(uid, Attribute.of(new TtlvBoolean(tag.code(), value)))
            .encode(V2_1),
        as(V2_1));
  }

  @Test
  void historyFlagsFollowSensitiveAndExtractableOneWay() {
    String uid =
        createKey(
            "flags",
            Attribute.of(new TtlvBoolean(Tag.SENSITIVE.code(), true)),
            Attribute.of(new TtlvBoolean(Tag.EXTRACTABLE.code(), false)));
    assertThat(flag(attributes(uid, V2_1), Tag.ALWAYS_SENSITIVE)).isTrue();
    assertThat(flag(attributes(uid, V2_1), Tag.NEVER_EXTRACTABLE)).isTrue();

    set(uid, Tag.SENSITIVE, false);
    set(uid, Tag.EXTRACTABLE, true);
    set(uid, Tag.SENSITIVE, true);
    set(uid, Tag.EXTRACTABLE, false);

    // Once the key was not sensitive, or extractable, it never again was always so.
    assertThat(flag(attributes(uid, V2_1), Tag.ALWAYS_SENSITIVE)).isFalse();
    assertThat(flag(attributes(uid, V2_1), Tag.NEVER_EXTRACTABLE)).isFalse();
  }

  @Test
  void aNewKeyHasDefaultsAndTheServersGeneratorAndIdentifiers() throws Exception {
    String uid = createKey("defaults");
    Attributes all = attributes(uid, V2_1);

    assertThat(flag(all, Tag.SENSITIVE)).isFalse();
    assertThat(flag(all, Tag.EXTRACTABLE)).isTrue();
    assertThat(flag(all, Tag.ALWAYS_SENSITIVE)).isFalse();
    assertThat(flag(all, Tag.NEVER_EXTRACTABLE)).isFalse();
    assertThat(all.first(Tag.LEASE_TIME.code())).isNotNull();
    TtlvStructure rng = (TtlvStructure) value(all, Tag.RANDOM_NUMBER_GENERATOR);
    assertThat(rng.first(Tag.RNG_ALGORITHM.code()))
        .isEqualTo(new TtlvEnumeration(Tag.RNG_ALGORITHM.code(), RNGAlgorithm.DRBG.value()));
    byte[] shortId =
        MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
    assertThat(value(all, Tag.SHORT_UNIQUE_IDENTIFIER))
        .isEqualTo(TtlvByteString.of(Tag.SHORT_UNIQUE_IDENTIFIER.code(), shortId));
    assertThat(((TtlvEnumeration) value(all, Tag.KEY_FORMAT_TYPE)).value())
        .isEqualTo(KeyFormatType.RAW.value());
  }

  @Test
  void theGeneratorDescribedIsTheOneTheServerUses() {
    // The attribute claims SP 800-90A Hash_DRBG with SHA-256; the JDK must agree.
    assertThat(ServerRandom.create().toString()).contains("Hash_DRBG,SHA-256,256");
  }

  @Test
  void oneXClientsSeeOnlyTheAttributesTheirVersionDefines() {
    String uid = createKey("versions");

    assertThat(attributes(uid, V1_4).first(Tag.KEY_FORMAT_TYPE.code())).isNull();
    assertThat(attributes(uid, V1_4).first(Tag.SHORT_UNIQUE_IDENTIFIER.code())).isNull();
    assertThat(attributes(uid, V1_4).first(Tag.SENSITIVE.code())).isNotNull();
    assertThat(attributes(uid, ProtocolVersion.V1_3).first(Tag.SENSITIVE.code())).isNull();
    Attributes v10 = attributes(uid, ProtocolVersion.V1_0);
    assertThat(v10.first(Tag.FRESH.code())).isNull();
    TtlvStructure digest = (TtlvStructure) value(v10, Tag.DIGEST);
    assertThat(digest.first(Tag.KEY_FORMAT_TYPE.code())).as("1.0 Digest").isNull();
    TtlvStructure digest11 =
        (TtlvStructure) value(attributes(uid, ProtocolVersion.V1_1), Tag.DIGEST);
    assertThat(digest11.first(Tag.KEY_FORMAT_TYPE.code())).isNotNull();
  }

  @Test
  void aKeyIsNoLongerFreshOnceServed() {
    String uid = createKey("fresh");
    assertThat(flag(attributes(uid, V2_1), Tag.FRESH)).isTrue();

    Wire.handle(
        new GetHandler(objects, new ObjectFormats()), Get.Request.of(uid).encode(V2_1), as(V2_1));

    assertThat(flag(attributes(uid, V2_1), Tag.FRESH)).isFalse();
  }

  @Test
  void aRegisteredObjectHasNoServerGenerator() {
    RegisterHandler register = new RegisterHandler(store);
    SecretData secret =
        new SecretData(
            SecretDataType.PASSWORD.value(),
            new KeyBlock(
                KeyFormatType.OPAQUE.value(),
                null,
                KeyValue.Plain.of(
                    new KeyMaterial.Bytes(
                        ByteString.copyOf("secret".getBytes(StandardCharsets.UTF_8)))),
                null,
                null,
                null));
    String uid =
        Register.Response.decode(
                Wire.handle(
                    register,
                    Register.Request.of(secret, Attributes.of(name("secret"))).encode(V2_1),
                    as(V2_1)),
                V2_1)
            .uniqueIdentifier();

    assertThat(attributes(uid, V2_1).first(Tag.RANDOM_NUMBER_GENERATOR.code())).isNull();
  }

  @Test
  void aTemplatesAttributesApplyUnlessGivenExplicitly() {
    Template template =
        new Template(
            Attributes.of(
                text(Tag.OBJECT_GROUP, "from-template"),
                Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)),
                custom("x-kind", "tape")));
    Wire.handle(
        new RegisterHandler(store),
        Register.Request.of(template, Attributes.of(name("tpl"))).encode(V1_4),
        as(V1_4));

    Attributes given =
        new Attributes(
            List.of(
                Attribute.of(
                    new TtlvEnumeration(
                        Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
                Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256))),
            List.of((TtlvStructure) name("tpl").value()));
    String uid =
        Create.Response.decode(
                Wire.handle(
                    new CreateHandler(store),
                    Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), given).encode(V1_4),
                    as(V1_4)),
                V1_4)
            .uniqueIdentifier();

    Attributes made = record(uid).attributes();
    assertThat(value(made, Tag.OBJECT_GROUP))
        .isEqualTo(new TtlvTextString(Tag.OBJECT_GROUP.code(), "from-template"));
    assertThat(value(made, Tag.CRYPTOGRAPHIC_LENGTH))
        .isEqualTo(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256));
    assertThat(made.first(AttributeReference.vendor("x", "x-kind"))).isNotNull();
  }

  /**
   * The server describes its generator on what it makes from 1.4 on; a 1.3 request's key has only
   * the Random Number Generator its client gave, and a 1.3 client reads that one back.
   */
  @Test
  void theServersGeneratorIsRecordedFromKmip14AndAClientsIsKeptIn13() {
    ProtocolVersion v13 = ProtocolVersion.V1_3;
    Attribute clients =
        Attribute.of(
            TtlvStructure.of(
                Tag.RANDOM_NUMBER_GENERATOR.code(),
                new TtlvEnumeration(Tag.RNG_ALGORITHM.code(), RNGAlgorithm.UNSPECIFIED.value())));
    String bare = createKeyIn(v13);
    String given = createKeyIn(v13, clients);
    String in14 = createKeyIn(V1_4);

    assertThat(record(bare).attributes().all(Tag.RANDOM_NUMBER_GENERATOR.code())).isEmpty();
    assertThat(record(given).attributes().all(Tag.RANDOM_NUMBER_GENERATOR.code()))
        .containsExactly(clients);
    assertThat(attributes(given, v13).all(Tag.RANDOM_NUMBER_GENERATOR.code()))
        .extracting(Attribute::value)
        .containsExactly(clients.value());
    assertThat(record(in14).attributes().all(Tag.RANDOM_NUMBER_GENERATOR.code())).hasSize(1);
  }

  private String createKeyIn(ProtocolVersion version, Attribute... more) {
    List<Attribute> items = new ArrayList<>();
    items.add(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    items.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)));
    items.addAll(List.of(more));
    return Create.Response.decode(
            Wire.handle(
                new CreateHandler(store),
                Create.Request.of(
                        ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
                    .encode(version),
                as(version)),
            version)
        .uniqueIdentifier();
  }

  @Test
  void anUnknownTemplateIsNotFound() {
    Attributes given =
        new Attributes(List.of(), List.of((TtlvStructure) name("no-such-template").value()));
    assertFails(
        ResultReason.ITEM_NOT_FOUND,
        () ->
            Wire.handle(
                new CreateHandler(store),
                Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), given).encode(V1_4),
                as(V1_4)));
  }

  @Test
  void aLeaseIsGivenForActiveObjectsOnly() {
    String uid = createKey("lease");
    ObtainLeaseHandler lease = new ObtainLeaseHandler(objects);
    assertFails(
        ResultReason.PERMISSION_DENIED,
        () -> Wire.handle(lease, new ObtainLease.Request(uid).encode(V1_4), as(V1_4)));

    Wire.handle(new ActivateHandler(objects), new Activate.Request(uid).encode(V1_4), as(V1_4));
    ObtainLease.Response response =
        ObtainLease.Response.decode(
            Wire.handle(lease, new ObtainLease.Request(uid).encode(V1_4), as(V1_4)), V1_4);

    assertThat(response.leaseTime()).isEqualTo(ServerAttributes.LEASE.toSeconds());
    assertThat(response.lastChangeDate()).isEqualTo(record(uid).updatedAt().getEpochSecond());
    assertThat(record(uid).state()).isEqualTo(State.ACTIVE);
  }

  @Test
  void usageAllocationTakesFromTheLimitsAndNoMore() {
    Ttlv limits =
        TtlvStructure.of(
            Tag.USAGE_LIMITS.code(),
            new TtlvLongInteger(Tag.USAGE_LIMITS_TOTAL.code(), 10),
            new TtlvEnumeration(Tag.USAGE_LIMITS_UNIT.code(), UsageLimitsUnit.OBJECT.value()));
    String limited = createKey("limited", Attribute.of(limits));
    String unlimited = createKey("unlimited");
    GetUsageAllocationHandler allocate = new GetUsageAllocationHandler(objects);

    Wire.handle(allocate, new GetUsageAllocation.Request(limited, 7L).encode(V1_4), as(V1_4));

    TtlvStructure left = (TtlvStructure) value(record(limited).attributes(), Tag.USAGE_LIMITS);
    assertThat(left.first(Tag.USAGE_LIMITS_COUNT.code()))
        .isEqualTo(new TtlvLongInteger(Tag.USAGE_LIMITS_COUNT.code(), 3));
    assertFails(
        ResultReason.PERMISSION_DENIED,
        () ->
            Wire.handle(
                allocate, new GetUsageAllocation.Request(limited, 4L).encode(V1_4), as(V1_4)));
    assertFails(
        ResultReason.ILLEGAL_OPERATION,
        () ->
            Wire.handle(
                allocate, new GetUsageAllocation.Request(unlimited, 1L).encode(V1_4), as(V1_4)));
  }
}
