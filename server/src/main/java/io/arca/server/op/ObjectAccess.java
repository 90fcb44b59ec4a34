package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The steps every handler that acts on an existing object shares: the Unique Identifier or else the
 * ID Placeholder, the object itself, the caller's right to see it, and its state at the time of the
 * request. An object the caller may not see is answered exactly like one that does not exist, so
 * that identifiers reveal nothing.
 */
public final class ObjectAccess {
  /** No user is called this (certificate identities are not empty). */
  private static final String NO_OWNER = "";

  private final ObjectStore store;

  /** Access to the objects of {@code store}. */
  public ObjectAccess(ObjectStore store) {
    this.store = store;
  }

  /** The store behind this access. */
  public ObjectStore store() {
    return store;
  }

  /**
   * A fresh identifier: a time-ordered UUID (version 7, RFC 9562), the creation millisecond
   * followed by 74 bits from the JDK's SecureRandom. New rows then land at the end of the
   * primary-key index instead of on a random page of it, which is what made durable creates write
   * several index pages each; the identifier still cannot be guessed, and says no more than the
   * Initial Date.
   */
  public static String newUid() {
    UUID random = UUID.randomUUID();
    long millis = System.currentTimeMillis();
    long high = (millis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
    // The low half keeps version 4's variant bits (10), which version 7 has too.
    return new UUID(high, random.getLeastSignificantBits()).toString();
  }

  /**
   * The identifier the request names, else the ID Placeholder an earlier item of the batch left.
   *
   * @throws KmipException Invalid Field if there is neither
   */
  public static String uidOf(@Nullable String requested, RequestContext context) {
    if (requested != null) {
      return requested;
    }
    String placeholder = context.batch().idPlaceholder();
    if (placeholder == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "UniqueIdentifier: missing, and no earlier batch item left an ID Placeholder");
    }
    return placeholder;
  }

  /**
   * The object named by the request (or the ID Placeholder) as the caller may see it, in the state
   * its dates give now; a state the dates changed is stored before this returns.
   *
   * @throws KmipException Item Not Found (Object Not Found from 2.0) if there is no such object or
   *     the caller holds no right on it; Permission Denied if the caller holds rights on it but not
   *     the request's operation; Object Archived if it is archived and the operation is not Recover
   */
  public ObjectRecord resolve(@Nullable String requested, RequestContext context) {
    String uid = uidOf(requested, context);
    ObjectRecord record =
        allowedOrConfirmed(uid, context)
            .orElseThrow(() -> notFound(uid, context.protocolVersion()));
    checkAllowed(record, context);
    Archival.checkOnLine(record, context.operation());
    State now = Lifecycle.stateAt(record.state(), record.attributes(), context.now());
    if (now == record.state()) {
      return record;
    }
    return store.update(
        uid,
        r ->
            r.withState(
                Lifecycle.stateAt(r.state(), r.attributes(), context.now()), context.now()));
  }

  /**
   * The object {@link #resolve} would give, from memory alone: empty when it is not cached and
   * confirmed, when the caller's grants are not cached, when the caller may not use it (a refusal
   * costs one read of the store, see {@link #allowedOrConfirmed}) or when its dates changed its
   * state (a write). Empty changes nothing; the worker's {@link #resolve} then decides.
   *
   * @throws KmipException Invalid Field if the request names no object and there is no ID
   *     Placeholder
   */
  public Optional<ObjectRecord> resolveInMemory(
      @Nullable String requested, RequestContext context) {
    String uid = uidOf(requested, context);
    return store
        .findCached(uid)
        .filter(
            record ->
                context
                        .access()
                        .decideInMemory(context.user(), context.operation(), record)
                        .orElse(AccessPolicy.Decision.HIDDEN)
                    == AccessPolicy.Decision.ALLOWED)
        .filter(record -> !Archival.isArchived(record))
        .filter(
            record ->
                Lifecycle.stateAt(record.state(), record.attributes(), context.now())
                    == record.state());
  }

  /**
   * Applies {@code change} to the object through the store (see {@link ObjectStore#update}) and
   * records how to put its state and attributes back should a later batch item fail under Undo. Key
   * material a change erased cannot come back, so Destroy does not use this.
   */
  public ObjectRecord change(
      String uid, UnaryOperator<ObjectRecord> change, RequestContext context) {
    AtomicReference<ObjectRecord> before = new AtomicReference<>();
    ObjectRecord after =
        store.update(
            uid,
            current -> {
              before.set(current);
              return change.apply(current);
            });
    ObjectRecord previous = Objects.requireNonNull(before.get(), "the change ran");
    context
        .batch()
        .onUndo(
            () ->
                store.update(
                    uid,
                    current ->
                        current
                            .withAttributes(previous.attributes(), context.now())
                            .withState(previous.state(), context.now())));
    return after;
  }

  /**
   * The object if it exists and the caller may carry out the request's operation on it (a key a
   * request uses besides its main object, such as a wrapping key, needs the same right).
   */
  public Optional<ObjectRecord> visible(String uid, RequestContext context) {
    return allowedOrConfirmed(uid, context).filter(record -> mayAccess(record, context));
  }

  /**
   * The object, from the cache when it is there and the caller may use it, else as the store has it
   * now. A refusal, whether the object is missing, hidden from the caller or merely cached, thus
   * always costs the same: one read of the store (on a worker thread, never on the event loop) and
   * one look at the caller's grants. Were a cached hidden object refused from the cache alone, it
   * would be answered several times faster than a missing one, telling a stranger that it exists.
   */
  private Optional<ObjectRecord> allowedOrConfirmed(String uid, RequestContext context) {
    Optional<ObjectRecord> cached = store.findCached(uid);
    if (cached.isPresent() && mayAccess(cached.get(), context)) {
      return cached;
    }
    Optional<ObjectRecord> current = store.findConfirmed(uid);
    if (current.isEmpty()) {
      // The grants a hidden object's refusal reads (an owner no user has), read for a missing one.
      context.access().decide(context.user(), context.operation(), uid, NO_OWNER);
    }
    return current;
  }

  /**
   * Whether the caller may carry out the request's operation on the object: the access policy
   * decides per operation, so a handler registered for any operation is covered without code of its
   * own.
   */
  static boolean mayAccess(ObjectRecord record, RequestContext context) {
    return context.access().decide(context.user(), context.operation(), record)
        == AccessPolicy.Decision.ALLOWED;
  }

  /**
   * Refuses the request's operation on the object unless the policy allows it: an object the caller
   * holds no right on is answered as missing, so that its existence is not revealed.
   */
  static void checkAllowed(ObjectRecord record, RequestContext context) {
    switch (context.access().decide(context.user(), context.operation(), record)) {
      case ALLOWED:
        return;
      case DENIED:
        throw new KmipException(
            ResultReason.PERMISSION_DENIED,
            context.user()
                + " may not "
                + (context.operation() == null ? "act on" : context.operation().xmlName())
                + " "
                + record.uid());
      case HIDDEN:
      default:
        throw notFound(record.uid(), context.protocolVersion());
    }
  }

  /**
   * The answer for an object that does not exist, or that the caller may not see: Item Not Found in
   * 1.x, Object Not Found from 2.0 on (as BL-M-4-21 expects).
   */
  public static KmipException notFound(String uid, ProtocolVersion version) {
    return new KmipException(
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.OBJECT_NOT_FOUND
            : ResultReason.ITEM_NOT_FOUND,
        "no object " + uid);
  }
}
