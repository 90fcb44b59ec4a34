package io.arca.kmip.message;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ProtocolVersionStructures;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;

/** The Protocol Version structure (KMIP 2.1 §9.16) and which versions this codec knows. */
final class Versions {
  private static final List<ProtocolVersion> KNOWN =
      List.of(
          ProtocolVersion.V1_0,
          ProtocolVersion.V1_1,
          ProtocolVersion.V1_2,
          ProtocolVersion.V1_3,
          ProtocolVersion.V1_4,
          ProtocolVersion.V2_0,
          ProtocolVersion.V2_1);

  private Versions() {}

  /** True for the versions whose message layout this codec knows field by field. */
  static boolean isKnown(ProtocolVersion version) {
    return KNOWN.contains(version);
  }

  static ProtocolVersion decode(TtlvStructure structure, String path) {
    FieldReader fields = new FieldReader(structure, path + "/ProtocolVersion", null);
    int major = fields.required(Tag.PROTOCOL_VERSION_MAJOR.code(), TtlvInteger.class).value();
    int minor = fields.required(Tag.PROTOCOL_VERSION_MINOR.code(), TtlvInteger.class).value();
    fields.finish(false);
    if (major < 0 || minor < 0) {
      throw fields.invalid("ProtocolVersion: negative (expected: 0 or more)");
    }
    return new ProtocolVersion(major, minor);
  }

  static TtlvStructure encode(ProtocolVersion version) {
    return ProtocolVersionStructures.of(version);
  }
}
