package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attributes;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A change of the key that protects an object at rest: Modify, Set, Add or Delete Attribute of its
 * {@code arca:wrapping-key-id} ({@code x-arca-wrapping-key-id} in 1.x) re-wraps the stored material
 * under the new key (the server KEK once the attribute is deleted), in the same compare-and-set
 * update that changes the attribute, so the attribute always names the key that wraps (before, it
 * changed alone, and destroying the old key lost the object). The owner alone chooses, among keys
 * it may wrap with (as at creation); a key that wraps other objects stays under the server KEK
 * (wrapping is one level deep). Once nothing else is under the old key, it can be destroyed. A
 * batch Undo re-wraps back.
 */
final class Rewrapping {
  private Rewrapping() {}

  /**
   * Applies {@code change}, an edit of the wrapping-key attribute of {@code uid}, re-wrapping the
   * object under the key the edited attributes name.
   */
  static ObjectRecord apply(
      ObjectAccess objects,
      String uid,
      RequestContext context,
      AttributeEdits.AttributesChange change) {
    ObjectStore store = objects.store();
    ProtocolVersion version = context.protocolVersion();
    ObjectRecord current =
        store
            .findConfirmed(uid)
            .orElseThrow(() -> new KmipException(ResultReason.ITEM_NOT_FOUND, uid));
    if (!context.access().owns(context.user(), current)) {
      throw new KmipException(
          ResultReason.PERMISSION_DENIED,
          "the key that protects " + uid + " at rest is chosen by its owner alone");
    }
    if (!current.hasContent()) {
      throw Reasons.destroyed(version, uid);
    }
    String wrappingKey = NewObjects.wrappingKeyId(change.apply(current));
    if (wrappingKey != null) {
      if (wrappingKey.equals(uid)) {
        throw new KmipException(
            ResultReason.INVALID_FIELD, "wrapping-key-id: an object cannot wrap itself");
      }
      NewObjects.checkWrappingKey(wrappingKey, store, context);
    }
    long wraps = store.wrappedBy(uid);
    if (wraps > 0) {
      // The keys it wraps are unwrapped one level deep, by a key under the server KEK.
      throw Reasons.stillWraps(version, uid, wraps);
    }
    Instant now = context.now();
    AtomicReference<@Nullable ObjectRecord> before = new AtomicReference<>();
    ObjectRecord after =
        store.rewrap(
            uid,
            wrappingKey,
            latest -> {
              before.set(latest);
              Attributes next = change.apply(latest);
              if (!Objects.equals(NewObjects.wrappingKeyId(next), wrappingKey)) {
                throw new KmipException(
                    ResultReason.GENERAL_FAILURE,
                    "the wrapping key of " + uid + " was changed meanwhile; try again");
              }
              return latest.withAttributes(ServerAttributes.afterEdit(next), now);
            });
    ObjectRecord previous = Objects.requireNonNull(before.get(), "the change ran");
    String previousKey = current.wrappingKeyId();
    context
        .batch()
        .onUndo(
            () ->
                store.rewrap(
                    uid, previousKey, latest -> latest.withAttributes(previous.attributes(), now)));
    return after;
  }
}
