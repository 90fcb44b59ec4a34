package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * The Usage Limits structure (KMIP 1.4 §2.1.14 as an attribute, 2.1 §7.40): how much may be done.
 *
 * @param total the Usage Limits Total
 * @param count the Usage Limits Count (what is left)
 * @param unit the Usage Limits Unit enumeration value
 */
public record UsageLimits(long total, long count, int unit) {

  /** Reads a Usage Limits structure. */
  public static UsageLimits decode(TtlvStructure structure, ProtocolVersion version) {
    Fields fields = Fields.of(structure, "UsageLimits");
    Long total = fields.longInteger(Tag.USAGE_LIMITS_TOTAL);
    Long count = fields.longInteger(Tag.USAGE_LIMITS_COUNT);
    int unit = fields.requiredEnumeration(Tag.USAGE_LIMITS_UNIT);
    fields.finish();
    if (total == null) {
      throw fields.invalid("UsageLimitsTotal: missing");
    }
    return new UsageLimits(total, count == null ? total : count, unit);
  }

  /** The Usage Limits structure. */
  public TtlvStructure encode(ProtocolVersion version) {
    return StructureBuilder.of(Tag.USAGE_LIMITS)
        .longInteger(Tag.USAGE_LIMITS_TOTAL, total)
        .longInteger(Tag.USAGE_LIMITS_COUNT, count)
        .enumeration(Tag.USAGE_LIMITS_UNIT, unit)
        .build();
  }
}
