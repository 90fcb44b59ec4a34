package io.arca.server.op;

import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.AttributeRule;
import io.arca.kmip.attribute.AttributeRules;
import io.arca.kmip.attribute.Attributes;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What Add, Modify, Delete and Set Attribute share: the attribute rules tables (through {@link
 * AttributeRules}) with the state conditions their cells add, and the store update that applies a
 * change and lets the object's dates drive its state (KMIP 2.1 §3.1 transitions 4 and 6).
 */
final class AttributeEdits {
  private static final AttributeRules RULES = AttributeRules.standard();

  private AttributeEdits() {}

  /** The kinds of change, each answered by its own column of the rules tables. */
  enum Edit {
    ADD("added"),
    MODIFY("modified"),
    DELETE("deleted");

    private final String verb;

    Edit(String verb) {
      this.verb = verb;
    }
  }

  /**
   * Refuses the change unless the rules let a client make it on this object now: never for the
   * record's own fields and server-only attributes; otherwise as the table's column says, for the
   * object types it names, and in the states its cell allows. {@code operation} is the one asked
   * for, whose error table names the Result Reason of a read-only attribute.
   */
  static void check(
      Edit edit,
      Operation operation,
      AttributeReference reference,
      ObjectRecord record,
      Instant now,
      ProtocolVersion version) {
    String name = ObjectAttributes.nameOf(reference);
    if (ObjectAttributes.isRecordField(reference)) {
      throw Reasons.readOnlyChange(version, operation, name, edit.verb);
    }
    AttributeRule rule = ruleIn(reference, version);
    boolean allowed =
        switch (edit) {
          case ADD -> rule.initiallySetByClient() || rule.modifiableByClient();
          case MODIFY -> rule.modifiableByClient();
          case DELETE -> rule.deletableByClient();
        };
    if (!allowed) {
      throw Reasons.readOnlyChange(version, operation, name, edit.verb);
    }
    if (!appliesTo(rule, record.objectType())) {
      throw Reasons.notApplicable(version, name, record.objectType().xmlName() + " objects");
    }
    if (edit != Edit.DELETE) {
      checkState(reference, record, now, version);
    }
  }

  /**
   * Refuses an attribute a client gives for a new object (Create, Create Key Pair, Register, Derive
   * Key, Re-key and their templates) unless its version's table lets the client set it initially,
   * or the operation's own section has the request state it ({@link #STATED_BY_REQUEST}), and it
   * applies to {@code type} (null: not known yet, as for a 1.x Template's attributes).
   */
  static void checkAtCreation(
      AttributeReference reference, @Nullable ObjectType type, ProtocolVersion version) {
    String name = ObjectAttributes.nameOf(reference);
    if (ObjectAttributes.isRecordField(reference)) {
      throw Reasons.readOnly(version, name);
    }
    AttributeRule rule = ruleIn(reference, version);
    boolean stated =
        reference instanceof AttributeReference.Tagged tagged
            && STATED_BY_REQUEST.contains(tagged.tag());
    if (!rule.initiallySetByClient() && !stated) {
      throw Reasons.readOnly(version, name);
    }
    if (type != null && !appliesTo(rule, type)) {
      throw Reasons.notApplicable(version, name, type.xmlName() + " objects");
    }
  }

  /**
   * Server-set attributes that the request of a new object nevertheless states: Create and Create
   * Key Pair take Cryptographic Algorithm and Length from the template (KMIP 1.4 §4.1-4.2, 2.1
   * §6.1.8-6.1.9), and Register takes them and the Certificate Type as descriptions of the object
   * it carries, which the server checks against the object (1.4 §4.3, 2.1 §6.1.45). The tables'
   * "initially set by: Server" rows mean the server gives the value, from the request if need be.
   */
  private static final Set<Integer> STATED_BY_REQUEST =
      Set.of(
          Tag.CRYPTOGRAPHIC_ALGORITHM.code(),
          Tag.CRYPTOGRAPHIC_LENGTH.code(),
          Tag.CERTIFICATE_TYPE.code());

  /**
   * Whether the row lets the attribute be on an object of {@code type}. A qualified cell (1.4's
   * Process Start and Protect Stop Date name key types with conditions on their use) is not
   * enforced: the table's flag leaves the condition out, and the OASIS cases register private keys
   * with both dates (CS-AC-M-8-14).
   */
  private static boolean appliesTo(AttributeRule rule, ObjectType type) {
    return rule.appliesTo(type) || rule.isQualified("applies_to");
  }

  /**
   * The rule of the attribute in the version's table; an attribute the version does not define (the
   * tag came later, ended earlier, or is no attribute there) is refused as the version says.
   */
  private static AttributeRule ruleIn(AttributeReference reference, ProtocolVersion version) {
    String name = ObjectAttributes.nameOf(reference);
    return RULES
        .rule(reference, version)
        .filter(r -> ObjectAttributes.isDefinedIn(reference, version))
        .orElseThrow(() -> Reasons.notApplicable(version, name, "KMIP " + version));
  }

  /**
   * The conditions the tables put on changing the dates that drive the lifecycle: Activation Date
   * only while Pre-Active; Deactivation Date while Pre-Active or Active; Process Start and Protect
   * Stop Date while Pre-Active or Active and before the date already set is reached. Other
   * qualified cells (Usage Limits, which Arca does not count) are not enforced.
   */
  private static void checkState(
      AttributeReference reference, ObjectRecord record, Instant now, ProtocolVersion version) {
    if (!(reference instanceof AttributeReference.Tagged tagged)) {
      return;
    }
    State state = Lifecycle.stateAt(record.state(), record.attributes(), now);
    boolean preActiveOrActive = state == State.PRE_ACTIVE || state == State.ACTIVE;
    int tag = tagged.tag();
    String operation = "changing " + ObjectAttributes.nameOf(reference);
    if ((tag == Tag.ACTIVATION_DATE.code() && state != State.PRE_ACTIVE)
        || (tag == Tag.DEACTIVATION_DATE.code() && !preActiveOrActive)) {
      throw Reasons.wrongState(version, operation, state);
    }
    if (tag == Tag.PROCESS_START_DATE.code() || tag == Tag.PROTECT_STOP_DATE.code()) {
      Tag dateTag = Tag.byCode(tag);
      Instant current = dateTag == null ? null : Lifecycle.date(record.attributes(), dateTag);
      if (!preActiveOrActive || (current != null && !current.isAfter(now))) {
        throw Reasons.wrongState(version, operation, state);
      }
    }
  }

  /** Whether an object holds at most one instance of the attribute in that version. */
  static boolean isSingleValued(AttributeReference reference, ProtocolVersion version) {
    return RULES.isSingleValued(reference, version);
  }

  /**
   * The index a new instance of {@code reference} gets: one past the highest (1.x indices stay).
   */
  static int nextIndex(Attributes attributes, AttributeReference reference) {
    int next = 0;
    for (Attribute attribute : attributes.all(reference)) {
      next = Math.max(next, attribute.index() + 1);
    }
    return next;
  }

  /** {@code attributes} with {@code old} (by index and value) replaced by {@code replacement}. */
  static Attributes replaceInstance(Attributes attributes, Attribute old, Attribute replacement) {
    List<Attribute> items = new ArrayList<>();
    for (Attribute attribute : attributes.items()) {
      items.add(attribute.equals(old) ? replacement : attribute);
    }
    return new Attributes(items, List.of());
  }

  /** {@code attributes} without the instances {@code gone}. */
  static Attributes without(Attributes attributes, List<Attribute> gone) {
    List<Attribute> items = new ArrayList<>(attributes.items());
    items.removeAll(gone);
    return new Attributes(items, List.of());
  }

  /** {@code attributes} with {@code added} at the end. */
  static Attributes with(Attributes attributes, Attribute added) {
    List<Attribute> items = new ArrayList<>(attributes.items());
    items.add(added);
    return new Attributes(items, List.of());
  }

  /**
   * Applies {@code change} to the object's attributes through {@link ObjectAccess#change} (so it is
   * re-applied after a concurrent update and reversed by a batch Undo); the state follows the dates
   * the change leaves. {@code change} checks the current record and may refuse.
   */
  static ObjectRecord apply(
      ObjectAccess objects, String uid, RequestContext context, AttributesChange change) {
    Instant now = context.now();
    return objects.change(
        uid,
        current -> {
          Attributes next = ServerAttributes.afterEdit(change.apply(current));
          CreationRules.checkEdit(
              objects.store().settings().current(),
              current.objectType(),
              current.attributes(),
              next,
              context.protocolVersion());
          State state = Lifecycle.stateAt(current.state(), next, now);
          return current.withAttributes(next, now).withState(state, now);
        },
        context);
  }

  /**
   * As {@link #apply(ObjectAccess, String, RequestContext, AttributesChange)} for an edit of {@code
   * reference}; an edit of the wrapping key re-wraps the object ({@link Rewrapping}).
   */
  static ObjectRecord apply(
      ObjectAccess objects,
      String uid,
      RequestContext context,
      AttributeReference reference,
      AttributesChange change) {
    return NewObjects.isWrappingKeyId(reference)
        ? Rewrapping.apply(objects, uid, context, change)
        : apply(objects, uid, context, change);
  }

  /** A change of an object's attributes, computed from its current record. */
  @FunctionalInterface
  interface AttributesChange {
    Attributes apply(ObjectRecord current);
  }
}
