package io.arca.server.op;

import static io.arca.server.op.HandlerFixture.NOW;
import static io.arca.server.op.HandlerFixture.alice;
import static io.arca.server.op.KeyPairHandlersTest.algorithm;
import static io.arca.server.op.KeyPairHandlersTest.createPair;
import static io.arca.server.op.KeyPairHandlersTest.length;
import static io.arca.server.op.KeyPairHandlersTest.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KeyWrapType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.WrappingMethod;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.EncryptionKeyInformation;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.KeyWrappingData;
import io.arca.kmip.object.KeyWrappingSpecification;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.batch.RequestContext;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Get with a Key Wrapping Specification, and Key Wrap Type Not Wrapped, on a real store. */
class KeyWrappingTest {
  @TempDir Path dir;
  private HandlerFixture fixture;
  private CreateHandler create;
  private CreateKeyPairHandler createKeyPair;
  private RegisterHandler register;
  private GetHandler get;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    create = new CreateHandler(fixture.store());
    createKeyPair = new CreateKeyPairHandler(fixture.store());
    register = new RegisterHandler(fixture.store());
    get = new GetHandler(fixture.objects(), new ObjectFormats());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static Attribute activeSinceAnHour() {
    return Attribute.of(
        TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), NOW.minus(Duration.ofHours(1))));
  }

  private String createAes(Attribute... extra) {
    List<Attribute> items = new ArrayList<>();
    items.add(algorithm(CryptographicAlgorithm.AES));
    items.add(length(256));
    items.addAll(Arrays.asList(extra));
    RequestContext context = alice();
    return Create.Response.decode(
            Wire.handle(
                create,
                Create.Request.of(
                        ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
                    .encode(context.protocolVersion()),
                context),
            context.protocolVersion())
        .uniqueIdentifier();
  }

  private ManagedObject get(
      String uid, @Nullable Integer wrapType, @Nullable KeyWrappingSpecification specification) {
    RequestContext context = alice();
    return Get.Response.decode(
            Wire.handle(
                get,
                new Get.Request(uid, null, wrapType, null, specification)
                    .encode(context.protocolVersion()),
                context),
            context.protocolVersion())
        .object();
  }

  private static KeyWrappingSpecification encryptWith(
      String wrappingUid, CryptographicParameters parameters) {
    return new KeyWrappingSpecification(
        WrappingMethod.ENCRYPT.value(),
        new EncryptionKeyInformation(wrappingUid, parameters),
        null,
        List.of(),
        null);
  }

  private static CryptographicParameters mode(BlockCipherMode mode) {
    return new CryptographicParameters(
        mode.value(),
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
        null,
        null,
        null);
  }

  private static byte[] keyValueTtlv(ManagedObject object) {
    KeyValue value = Objects.requireNonNull(Objects.requireNonNull(object.keyBlock()).keyValue());
    return TtlvWriter.toBytes(value.encode(ProtocolVersion.V2_1));
  }

  private static byte[] wrappedBytes(ManagedObject object) {
    KeyBlock block = Objects.requireNonNull(object.keyBlock());
    assertThat(block.keyWrappingData()).isNotNull();
    return ((KeyValue.Wrapped) Objects.requireNonNull(block.keyValue())).bytes().toByteArray();
  }

  private byte[] rawKey(String uid) {
    KeyValue.Plain plain =
        (KeyValue.Plain) Objects.requireNonNull(get(uid, null, null).keyBlock()).keyValue();
    return ((KeyMaterial.Bytes) Objects.requireNonNull(plain).keyMaterial()).value().toByteArray();
  }

  @Test
  void aKeyWrappedByNistKeyWrapUnwrapsToItsTtlvKeyValue() throws Exception {
    String kek = createAes(usage(CryptographicUsageMask.WRAP_KEY), activeSinceAnHour());
    String key = createAes();

    ManagedObject wrapped = get(key, null, encryptWith(kek, mode(BlockCipherMode.NISTKEYWRAP)));

    Cipher kw = Cipher.getInstance("AES/KW/NoPadding");
    kw.init(Cipher.DECRYPT_MODE, new SecretKeySpec(rawKey(kek), "AES"));
    assertThat(kw.doFinal(wrappedBytes(wrapped))).isEqualTo(keyValueTtlv(get(key, null, null)));
    KeyWrappingData data =
        Objects.requireNonNull(Objects.requireNonNull(wrapped.keyBlock()).keyWrappingData());
    assertThat(Objects.requireNonNull(data.encryptionKeyInformation()).uniqueIdentifier())
        .isEqualTo(kek);
  }

  @Test
  void aKeyWrappedUnderAnRsaPublicKeyOpensWithItsPrivateKey() throws Exception {
    RequestContext context = alice();
    CreateKeyPair.Response pair =
        createPair(
            createKeyPair,
            context,
            Attributes.of(algorithm(CryptographicAlgorithm.RSA), length(2048), activeSinceAnHour()),
            Attributes.of(usage(CryptographicUsageMask.UNWRAP_KEY)),
            Attributes.of(usage(CryptographicUsageMask.WRAP_KEY)));
    String key = createAes();
    CryptographicParameters oaepSha256 =
        new CryptographicParameters(
            null,
            PaddingMethod.OAEP.value(),
            HashingAlgorithm.SHA_256.value(),
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

    ManagedObject wrapped =
        get(key, null, encryptWith(pair.publicKeyUniqueIdentifier(), oaepSha256));

    RequestContext pkcs8 = alice();
    ManagedObject privateKey =
        Get.Response.decode(
                Wire.handle(
                    get,
                    new Get.Request(
                            pair.privateKeyUniqueIdentifier(),
                            KeyFormatType.PKCS_8.value(),
                            null,
                            null,
                            null)
                        .encode(pkcs8.protocolVersion()),
                    pkcs8),
                pkcs8.protocolVersion())
            .object();
    KeyValue.Plain plain =
        (KeyValue.Plain) Objects.requireNonNull(privateKey.keyBlock()).keyValue();
    byte[] der =
        ((KeyMaterial.Bytes) Objects.requireNonNull(plain).keyMaterial()).value().toByteArray();
    Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
    oaep.init(
        Cipher.DECRYPT_MODE,
        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)),
        new OAEPParameterSpec(
            "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
    assertThat(oaep.doFinal(wrappedBytes(wrapped))).isEqualTo(keyValueTtlv(get(key, null, null)));
  }

  @Test
  void aWrappingKeyWithoutWrapKeyUsageIsRefused() {
    String kek = createAes(usage(CryptographicUsageMask.ENCRYPT), activeSinceAnHour());
    String key = createAes();

    assertThatThrownBy(() -> get(key, null, encryptWith(kek, CryptographicParameters.NONE)))
        .isInstanceOfSatisfying(
            KmipException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK));
  }

  @Test
  void aPreActiveWrappingKeyIsRefused() {
    String kek = createAes(usage(CryptographicUsageMask.WRAP_KEY));
    String key = createAes();

    assertThatThrownBy(() -> get(key, null, encryptWith(kek, CryptographicParameters.NONE)))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.WRONG_KEY_LIFECYCLE_STATE));
  }

  @Test
  void aSensitiveKeyLeavesOnlyWrapped() {
    String kek = createAes(usage(CryptographicUsageMask.WRAP_KEY), activeSinceAnHour());
    String key = createAes(Attribute.of(new TtlvBoolean(Tag.SENSITIVE.code(), true)));

    assertThatThrownBy(() -> get(key, null, null))
        .isInstanceOfSatisfying(
            KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.SENSITIVE));
    assertThat(
            wrappedBytes(get(key, null, encryptWith(kek, mode(BlockCipherMode.AESKEYWRAPPADDING)))))
        .isNotEmpty();
  }

  @Test
  void aKeyRegisteredWrappedComesBackUnwrappedOnNotWrapped() throws Exception {
    String kek =
        createAes(
            usage(CryptographicUsageMask.WRAP_KEY, CryptographicUsageMask.UNWRAP_KEY),
            activeSinceAnHour());
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    KeyValue.Plain plain = KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(secret)));
    Cipher kw = Cipher.getInstance("AES/KW/NoPadding");
    kw.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(rawKey(kek), "AES"));
    byte[] wrapped = kw.doFinal(TtlvWriter.toBytes(plain.encode(ProtocolVersion.V2_1)));
    SymmetricKey registered =
        new SymmetricKey(
            new KeyBlock(
                KeyFormatType.RAW.value(),
                null,
                new KeyValue.Wrapped(ByteString.copyOf(wrapped)),
                CryptographicAlgorithm.AES.value(),
                256,
                new KeyWrappingData(
                    WrappingMethod.ENCRYPT.value(),
                    new EncryptionKeyInformation(kek, mode(BlockCipherMode.NISTKEYWRAP)),
                    null,
                    null,
                    null,
                    null)));
    RequestContext context = alice();
    String uid =
        Register.Response.decode(
                Wire.handle(
                    register,
                    Register.Request.of(registered, Attributes.EMPTY)
                        .encode(context.protocolVersion()),
                    context),
                context.protocolVersion())
            .uniqueIdentifier();

    assertThat(get(uid, KeyWrapType.AS_REGISTERED.value(), null).keyBlock())
        .extracting(KeyBlock::keyWrappingData)
        .isNotNull();
    assertThat(rawKeyOf(get(uid, KeyWrapType.NOT_WRAPPED.value(), null))).isEqualTo(secret);
  }

  private static byte[] rawKeyOf(ManagedObject object) {
    KeyBlock block = Objects.requireNonNull(object.keyBlock());
    assertThat(block.keyWrappingData()).isNull();
    KeyValue.Plain plain = (KeyValue.Plain) Objects.requireNonNull(block.keyValue());
    return ((KeyMaterial.Bytes) plain.keyMaterial()).value().toByteArray();
  }
}
