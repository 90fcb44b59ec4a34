package io.arca.server.op;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.batch.RequestContext;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Symmetric keys of known bytes, registered and activated in a fixture's store by Alice. */
final class RegisteredKeys {
  private RegisteredKeys() {}

  /** Registers and activates a key of {@code hex} bytes; null mask or parameters leave them out. */
  static String activeKey(
      HandlerFixture fixture,
      String hex,
      int algorithm,
      @Nullable Integer usageMask,
      @Nullable CryptographicParameters parameters) {
    byte[] key = HexFormat.of().parseHex(hex);
    RequestContext context = HandlerFixture.alice();
    ProtocolVersion version = context.protocolVersion();
    SymmetricKey object =
        new SymmetricKey(
            KeyBlock.of(
                KeyFormatType.RAW.value(),
                KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(key))),
                algorithm,
                key.length * 8));
    List<Attribute> attributes = new ArrayList<>();
    if (usageMask != null) {
      attributes.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), usageMask)));
    }
    if (parameters != null) {
      attributes.add(Attribute.of(parameters.encode()));
    }
    String uid =
        Register.Response.decode(
                Wire.handle(
                    new RegisterHandler(fixture.store()),
                    Register.Request.of(object, new Attributes(attributes, List.of()))
                        .encode(version),
                    context),
                version)
            .uniqueIdentifier();
    Wire.handle(
        new ActivateHandler(fixture.objects()), new Activate.Request(uid).encode(version), context);
    return uid;
  }

  /** Parameters with only a Cryptographic Algorithm. */
  static CryptographicParameters algorithmOnly(int algorithm) {
    return new CryptographicParameters(
        null, null, null, null, null, algorithm, null, null, null, null, null, null, null, null,
        null, null, null, null);
  }
}
