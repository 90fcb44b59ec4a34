package io.arca.kmip.ttlv;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import java.util.Map;

/**
 * The Protocol Version structure of a version. Every response header carries one and Discover
 * Versions answers a list of them; structures are immutable, so those of the versions KMIP defines
 * are made once and shared.
 */
public final class ProtocolVersionStructures {
  private static final Map<ProtocolVersion, TtlvStructure> DEFINED =
      Map.of(
          ProtocolVersion.V1_0, make(ProtocolVersion.V1_0),
          ProtocolVersion.V1_1, make(ProtocolVersion.V1_1),
          ProtocolVersion.V1_2, make(ProtocolVersion.V1_2),
          ProtocolVersion.V1_3, make(ProtocolVersion.V1_3),
          ProtocolVersion.V1_4, make(ProtocolVersion.V1_4),
          ProtocolVersion.V2_0, make(ProtocolVersion.V2_0),
          ProtocolVersion.V2_1, make(ProtocolVersion.V2_1));

  private ProtocolVersionStructures() {}

  /** The Protocol Version structure of {@code version}. */
  public static TtlvStructure of(ProtocolVersion version) {
    TtlvStructure made = DEFINED.get(version);
    return made != null ? made : make(version);
  }

  private static TtlvStructure make(ProtocolVersion version) {
    return TtlvStructure.of(
        Tag.PROTOCOL_VERSION.code(),
        new TtlvInteger(Tag.PROTOCOL_VERSION_MAJOR.code(), version.major()),
        new TtlvInteger(Tag.PROTOCOL_VERSION_MINOR.code(), version.minor()));
  }
}
