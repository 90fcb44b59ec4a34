package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectGroupMember;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.StorageStatusMask;
import io.arca.kmip.Tag;
import io.arca.kmip.payload.Locate;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectQuery;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Locate (KMIP 1.4 §4.9, 2.1 §6.1.28): the caller's objects, and those others granted the caller
 * Locate on, matching every attribute given, most recently created first, after Offset Items and up
 * to Maximum Items. Destroyed objects are found only when the Storage Status Mask includes
 * Destroyed Storage (2.x) or the request asks for a destroyed State; archived ones only when it
 * includes Archival Storage, since on-line storage alone is assumed when the mask is absent. Group
 * Member Fresh keeps the objects whose Fresh is true; Group Member Default, by Arca's policy, the
 * most recently created match. Located Items (1.3+) is sent when the client pages with Maximum
 * Items or Offset Items.
 */
public final class LocateHandler implements OperationHandler<Locate.Request, Locate.Response> {
  /** Candidate identifiers read per store query. */
  static final int PAGE = 256;

  /**
   * The most candidates one Locate reads. The database answers owner, type, state and equal search
   * texts; the rest (ranges, masks, partial structures, dates that changed the state) is tested on
   * the records read back, so the work is bounded by the candidates the indexed criteria leave, and
   * a request leaving more is refused rather than allowed to read every object.
   */
  static final int MAX_CANDIDATES = 10_000;

  private final ObjectStore store;

  /** A handler searching {@code store}. */
  public LocateHandler(ObjectStore store) {
    this.store = store;
  }

  @Override
  public Operation operation() {
    return Operation.LOCATE;
  }

  @Override
  public Locate.Response handle(Locate.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    int offset = nonNegative(request.offsetItems(), "OffsetItems");
    Integer maximum = request.maximumItems();
    if (maximum != null) {
      nonNegative(maximum, "MaximumItems");
    }
    LocateCriteria criteria = new LocateCriteria(request.attributes());
    List<ObjectRecord> found = candidates(criteria, request, context);
    found.sort(
        Comparator.comparing(ObjectRecord::createdAt).reversed().thenComparing(ObjectRecord::uid));
    Integer member = request.objectGroupMember();
    if (member != null && member == ObjectGroupMember.GROUP_MEMBER_DEFAULT.value()) {
      found = found.isEmpty() ? found : List.of(found.get(0));
    }
    List<String> window = new ArrayList<>();
    for (int i = offset; i < found.size() && (maximum == null || window.size() < maximum); i++) {
      window.add(found.get(i).uid());
    }
    // One identifier returned becomes the placeholder (also when Maximum Items cut the list to
    // one); any other answer empties it, so that later items naming no object fail.
    if (window.size() == 1) {
      context.batch().setIdPlaceholder(window.get(0));
    } else {
      context.batch().clearIdPlaceholder();
    }
    boolean paging = maximum != null || request.offsetItems() != null;
    Integer located =
        paging && Tag.LOCATED_ITEMS.isDefinedIn(version) ? Integer.valueOf(found.size()) : null;
    return new Locate.Response(located, window);
  }

  /** Every object of the caller's that matches, read page by page up to the bound. */
  private List<ObjectRecord> candidates(
      LocateCriteria criteria, Locate.Request request, RequestContext context) {
    Integer mask = request.storageStatusMask();
    int storage = mask == null ? StorageStatusMask.ON_LINE_STORAGE.value() : mask;
    boolean online = (storage & StorageStatusMask.ON_LINE_STORAGE.value()) != 0;
    boolean archived = (storage & StorageStatusMask.ARCHIVAL_STORAGE.value()) != 0;
    boolean destroyed =
        (storage & StorageStatusMask.DESTROYED_STORAGE.value()) != 0
            || (online && criteria.asksForDestroyed());
    boolean freshOnly =
        request.objectGroupMember() != null
            && request.objectGroupMember() == ObjectGroupMember.GROUP_MEMBER_FRESH.value();
    List<ObjectRecord> found = new ArrayList<>();
    ObjectQuery query = criteria.narrow(ObjectQuery.all(PAGE).withOwner(context.user()));
    for (int read = 0; ; read += PAGE) {
      if (read >= MAX_CANDIDATES) {
        throw new KmipException(
            ResultReason.RESPONSE_TOO_LARGE,
            "more than "
                + MAX_CANDIDATES
                + " objects fit the indexed criteria (expected: a narrower search)");
      }
      List<String> page =
          store.locate(
              new ObjectQuery(
                  query.owner(),
                  query.objectType(),
                  query.state(),
                  query.attributes(),
                  read,
                  PAGE));
      Predicate<ObjectRecord> fits =
          r ->
              (Archival.isArchived(r) ? archived : Lifecycle.isLive(r.state()) ? online : destroyed)
                  && (!freshOnly || AttributeView.of(r).fresh())
                  && criteria.matches(r);
      for (String uid : page) {
        Optional<ObjectRecord> record = store.find(uid).map(r -> seenAt(r, context));
        if (record.isEmpty()) {
          continue; // deleted since the query (an undone create)
        }
        ObjectRecord r = record.get();
        if (context.access().owns(context.user(), r) && fits.test(r)) {
          found.add(r);
        }
      }
      if (page.size() < PAGE) {
        addGranted(found, fits, context);
        return found;
      }
    }
  }

  /**
   * Adds the objects others granted the caller Locate on, which the owner query cannot find. They
   * are few (each was granted one by one), so each is read by its identifier.
   */
  private void addGranted(
      List<ObjectRecord> found, Predicate<ObjectRecord> fits, RequestContext context) {
    Set<String> granted = context.access().grantedObjects(context.user(), Operation.LOCATE);
    if (granted.isEmpty()) {
      return;
    }
    Set<String> already = new HashSet<>();
    found.forEach(r -> already.add(r.uid()));
    for (String uid : granted) {
      if (already.contains(uid)) {
        continue;
      }
      store
          .find(uid)
          .map(r -> seenAt(r, context))
          .filter(r -> !context.access().owns(context.user(), r))
          .filter(fits)
          .ifPresent(found::add);
    }
  }

  /** The record in the state its dates give at the time of the request (not written back). */
  private static ObjectRecord seenAt(ObjectRecord record, RequestContext context) {
    State state = Lifecycle.stateAt(record.state(), record.attributes(), context.now());
    if (state == record.state()) {
      return record;
    }
    return new ObjectRecord(
        record.uid(),
        record.objectType(),
        state,
        record.owner(),
        record.attributes(),
        record.hasContent(),
        record.wrappingKeyId(),
        record.createdAt(),
        record.updatedAt(),
        record.version());
  }

  private static int nonNegative(@Nullable Integer value, String field) {
    if (value == null) {
      return 0;
    }
    if (value < 0) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, field + ": " + value + " (expected: 0 or more)");
    }
    return value;
  }
}
