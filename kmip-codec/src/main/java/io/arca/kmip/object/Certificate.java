package io.arca.kmip.object;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §2.2.1, 2.1 §2.1 Certificate: a Certificate Type (X.509, PGP) and the encoded
 * certificate. Some 1.x clients add the deprecated Certificate Identifier, Subject and Issuer
 * structures; a 1.x decode tolerates and drops them, since the server derives them from the value.
 */
public record Certificate(int certificateType, ByteString certificateValue)
    implements ManagedObject {

  /** Decodes a Certificate structure. */
  public static Certificate decode(TtlvStructure structure, ProtocolVersion version) {
    Fields fields = Fields.of(structure, "Certificate");
    int type = fields.requiredEnumeration(Tag.CERTIFICATE_TYPE);
    ByteString value = fields.requiredBytes(Tag.CERTIFICATE_VALUE);
    if (!version.isAtLeast(ProtocolVersion.V2_0)) {
      fields.structure(Tag.CERTIFICATE_IDENTIFIER);
      fields.structure(Tag.CERTIFICATE_SUBJECT);
      fields.structure(Tag.CERTIFICATE_ISSUER);
    }
    fields.finish();
    return new Certificate(type, value);
  }

  @Override
  public int objectType() {
    return ObjectType.CERTIFICATE.value();
  }

  @Override
  public @Nullable KeyBlock keyBlock() {
    return null;
  }

  @Override
  public TtlvStructure encode(ProtocolVersion version) {
    return StructureBuilder.of(Tag.CERTIFICATE)
        .enumeration(Tag.CERTIFICATE_TYPE, certificateType)
        .bytes(Tag.CERTIFICATE_VALUE, certificateValue)
        .build();
  }
}
