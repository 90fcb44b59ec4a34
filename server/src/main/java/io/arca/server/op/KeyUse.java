package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.object.CryptographicParameters;
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
    Integer mask = AttributeView.of(key).usageMask();
    if (mask != null && (mask & usage.value()) == 0) {
      throw new KmipException(
          version.isAtLeast(ProtocolVersion.V2_0)
              ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK
              : ResultReason.PERMISSION_DENIED,
          operation + ": the key's Cryptographic Usage Mask does not include " + usage.xmlName());
    }
  }

  /**
   * Counts {@code bytes} of protected data against the key's Usage Limits, if it has any: the Usage
   * Limits Count (what is left, set by the server from the Total on first use) goes down by the
   * bytes, or by one for an Object unit, and a use that would go below zero is refused.
   */
  static void consumeUsage(
      ObjectAccess objects,
      ObjectRecord key,
      long bytes,
      String operation,
      RequestContext context) {
    if (!limitsUsage(key)) {
      return;
    }
    consume(objects, key, perObject -> perObject ? 1 : bytes, operation, context);
  }

  /** Whether using the key counts against Usage Limits, a write that only a worker makes. */
  static boolean limitsUsage(ObjectRecord key) {
    return AttributeView.of(key).usageLimits().isPresent();
  }

  /**
   * Takes {@code amount} uses, in the unit of the key's Usage Limits, for later requests (Get Usage
   * Allocation).
   *
   * @throws KmipException Illegal Operation for a key without Usage Limits, Permission Denied if
   *     fewer uses are left
   */
  static void reserveUsage(
      ObjectAccess objects, ObjectRecord key, long amount, RequestContext context) {
    if (!limitsUsage(key)) {
      throw new KmipException(
          ResultReason.ILLEGAL_OPERATION, "GetUsageAllocation: the key has no Usage Limits");
    }
    consume(objects, key, perObject -> amount, "GetUsageAllocation", context);
  }

  /** How many uses a request takes, given whether the limits count objects (else bytes). */
  private interface Need {
    long of(boolean perObject);
  }

  private static void consume(
      ObjectAccess objects,
      ObjectRecord key,
      Need needed,
      String operation,
      RequestContext context) {
    objects.change(
        key.uid(),
        r -> {
          UsageLimits limits = AttributeView.of(r).usageLimits().orElse(null);
          if (limits == null) {
            return r;
          }
          Long total = limits.total();
          Long count = limits.count();
          long left = count != null ? count : total != null ? total : Long.MAX_VALUE;
          long need = needed.of(limits.perObject());
          if (need > left) {
            throw new KmipException(
                ResultReason.PERMISSION_DENIED,
                operation + ": the key's Usage Limits allow " + left + " more, not " + need);
          }
          return r.withAttributes(
              ObjectAttributes.replace(r.attributes(), limits.withCount(left - need)),
              context.now());
        },
        context);
  }

  /** The parameters of the request, else those stored with the key, else none. */
  static CryptographicParameters parameters(
      @Nullable CryptographicParameters requested, ObjectRecord key) {
    if (requested != null) {
      return requested;
    }
    return AttributeView.of(key).cryptographicParameters().orElse(CryptographicParameters.NONE);
  }
}
