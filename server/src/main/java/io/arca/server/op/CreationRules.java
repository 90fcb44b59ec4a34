package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Constraint;
import io.arca.kmip.payload.ObjectDefaults;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.server.store.ObjectRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the client-set {@link ObjectRules} mean for a new object (docs/CONFORMANCE.md, Set Defaults
 * and Set Constraints): the defaults fill in the attributes its client left out, and the
 * constraints bound the values it ends up with.
 */
final class CreationRules {
  private CreationRules() {}

  /**
   * {@code given}, with the value of every attribute it lacks that an Object Defaults for {@code
   * type} (and for the object's Object Group, when it names groups) sets: the first such Object
   * Defaults wins; the client's own values always do. Attributes the client could not set on such
   * an object in {@code version} are not added.
   */
  static Attributes withDefaults(
      ObjectRules rules, ObjectType type, Attributes given, ProtocolVersion version) {
    if (rules.defaults().isEmpty()) {
      return given;
    }
    Set<String> groups = new AttributeView(given).objectGroups();
    List<Attribute> items = new ArrayList<>(given.items());
    Set<AttributeReference> present = new HashSet<>();
    given.items().forEach(item -> present.add(item.reference()));
    for (ObjectDefaults defaults : rules.defaults()) {
      if (!defaults.objectTypes().contains(type.value())
          || !inGroups(defaults.objectGroups(), groups)) {
        continue;
      }
      Set<AttributeReference> added = new LinkedHashSet<>();
      for (Attribute attribute : defaults.attributes().items()) {
        AttributeReference reference = attribute.reference();
        if (present.contains(reference) || !settableAtCreation(reference, type, version)) {
          continue;
        }
        int index = (int) items.stream().filter(i -> i.reference().equals(reference)).count();
        items.add(attribute.withIndex(index));
        added.add(reference);
      }
      present.addAll(added);
    }
    return new Attributes(items, List.of());
  }

  /**
   * Refuses a new object of {@code type} with {@code attributes} (its attributes as it would be
   * stored) when a Constraint that applies to it allows other values for one of the attributes it
   * names: every value the object has for that attribute must be among the constraint's, and an
   * object without the attribute breaks it too.
   *
   * @throws KmipException Constraint Violation (Illegal Operation before 2.0)
   */
  static void check(
      ObjectRules rules, ObjectType type, Attributes attributes, ProtocolVersion version) {
    check(rules, type, null, attributes, version);
  }

  /**
   * Refuses an edit of an object of {@code type} that gives an attribute a Constraint names (of a
   * Constraint that applies to it as edited) a value the Constraint does not allow, or removes it.
   * Attributes the edit leaves as they were are not checked: an object made before the Constraint
   * keeps what it has.
   *
   * @throws KmipException Constraint Violation (Illegal Operation before 2.0)
   */
  static void checkEdit(
      ObjectRules rules,
      ObjectType type,
      Attributes before,
      Attributes after,
      ProtocolVersion version) {
    check(rules, type, before, after, version);
  }

  private static void check(
      ObjectRules rules,
      ObjectType type,
      @Nullable Attributes before,
      Attributes attributes,
      ProtocolVersion version) {
    if (rules.constraints().isEmpty()) {
      return;
    }
    Set<String> groups = new AttributeView(attributes).objectGroups();
    for (int c = 0; c < rules.constraints().size(); c++) {
      Constraint constraint = rules.constraints().get(c);
      boolean typed =
          constraint.objectTypes().isEmpty() || constraint.objectTypes().contains(type.value());
      if (!typed || !inGroups(constraint.objectGroups(), groups)) {
        continue;
      }
      Set<AttributeReference> named = new LinkedHashSet<>();
      constraint.attributes().items().forEach(item -> named.add(item.reference()));
      for (AttributeReference reference : named) {
        List<Attribute> values = attributes.all(reference);
        if (before != null && values(before.all(reference)).equals(values(values))) {
          continue; // left as it was
        }
        Set<Ttlv> allowed = new HashSet<>(values(constraint.attributes().all(reference)));
        if (values.isEmpty() || !allowed.containsAll(values(values))) {
          throw violation(version, c, reference, values.isEmpty());
        }
      }
    }
  }

  private static List<Ttlv> values(List<Attribute> instances) {
    return instances.stream().map(Attribute::value).toList();
  }

  private static KmipException violation(
      ProtocolVersion version, int constraint, AttributeReference reference, boolean absent) {
    String name = reference.name() != null ? reference.name() : reference.toString();
    return new KmipException(
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.CONSTRAINT_VIOLATION
            : ResultReason.ILLEGAL_OPERATION,
        name
            + (absent ? ": no value" : ": a value")
            + " not allowed by constraint "
            + (constraint + 1)
            + " of the server's (Get Constraints)");
  }

  /**
   * Whether a client could give {@code reference} to a new object of {@code type} in {@code
   * version}, as {@link AttributeEdits#checkAtCreation} decides.
   */
  static boolean settableAtCreation(
      AttributeReference reference, ObjectType type, ProtocolVersion version) {
    try {
      AttributeEdits.checkAtCreation(reference, type, version);
      return true;
    } catch (KmipException e) {
      return false;
    }
  }

  /** Whether an object in {@code groups} is in scope of a rule for {@code ruleGroups}. */
  private static boolean inGroups(List<String> ruleGroups, Set<String> groups) {
    return ruleGroups.isEmpty() || ruleGroups.stream().anyMatch(groups::contains);
  }
}
