package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks before a key is used by a cryptographic operation: its state (protecting needs an
 * Active key; processing, such as decrypting, is also allowed on a Deactivated or Compromised one,
 * as KMIP 2.1 §3.1 describes the states), its Protect Stop and Process Start Dates, and its
 * Cryptographic Usage Mask, when it has one.
 */
final class KeyUse {
  private KeyUse() {}

  private static final Set<State> PROCESSING =
      Set.of(State.ACTIVE, State.DEACTIVATED, State.COMPROMISED);

  /** Refuses unless the key may protect data (encrypt, sign, MAC) with {@code usage}. */
  static void forProtecting(
      ObjectRecord key, CryptographicUsageMask usage, String operation, RequestContext context) {
    if (key.state() != State.ACTIVE) {
      throw Reasons.wrongState(context.protocolVersion(), operation, key.state());
    }
    Instant protectStop = Lifecycle.date(key.attributes(), Tag.PROTECT_STOP_DATE);
    if (protectStop != null && !protectStop.isAfter(context.now())) {
      throw Reasons.outsideDates(
          context.protocolVersion(), operation, "Protect Stop Date has passed");
    }
    checkMask(key, usage, operation, context.protocolVersion());
  }

  /** Refuses unless the key may process protected data (decrypt, verify) with {@code usage}. */
  static void forProcessing(
      ObjectRecord key, CryptographicUsageMask usage, String operation, RequestContext context) {
    if (!PROCESSING.contains(key.state())) {
      throw Reasons.wrongState(context.protocolVersion(), operation, key.state());
    }
    Instant processStart = Lifecycle.date(key.attributes(), Tag.PROCESS_START_DATE);
    if (processStart != null && processStart.isAfter(context.now())) {
      throw Reasons.outsideDates(
          context.protocolVersion(), operation, "Process Start Date has not come yet");
    }
    checkMask(key, usage, operation, context.protocolVersion());
  }

  private static void checkMask(
      ObjectRecord key, CryptographicUsageMask usage, String operation, ProtocolVersion version) {
    Integer mask = NewObjects.intValue(key.attributes(), Tag.CRYPTOGRAPHIC_USAGE_MASK);
    if (mask != null && (mask & usage.value()) == 0) {
      throw new KmipException(
          version.isAtLeast(ProtocolVersion.V2_0)
              ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK
              : ResultReason.PERMISSION_DENIED,
          operation + ": the key's Cryptographic Usage Mask does not include " + usage.xmlName());
    }
  }

  /** The parameters of the request, else those stored with the key, else none. */
  static CryptographicParameters parameters(
      @Nullable CryptographicParameters requested, ObjectRecord key) {
    if (requested != null) {
      return requested;
    }
    Attribute stored = key.attributes().first(Tag.CRYPTOGRAPHIC_PARAMETERS.code());
    if (stored != null && stored.value() instanceof TtlvStructure structure) {
      return CryptographicParameters.decode(structure);
    }
    return CryptographicParameters.NONE;
  }
}
