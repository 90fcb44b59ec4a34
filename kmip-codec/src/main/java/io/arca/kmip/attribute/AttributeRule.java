package io.arca.kmip.attribute;

import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules of one attribute in one specification version, as its rules table states them (KMIP 1.4
 * §3, KMIP 2.1 §4; one row of attribute-rules.tsv). The flags are the table's answers without their
 * conditions: {@code qualified} names the columns whose table cell adds one (a state, an object
 * type, a part of a structure), and {@code source} cites the table.
 *
 * <p>"Initially set by" says who gives the attribute its value, not who may name it in a request: a
 * server-set attribute such as Cryptographic Algorithm is still taken from a Create template.
 *
 * @param tag the attribute's tag; null for the default that custom and vendor attributes follow
 * @param specVersion the specification the row comes from (1.4, 2.0 or 2.1)
 * @param implicitlySetBy the operations that may set the attribute without the request naming it
 * @param implicitlySetWhen events in place of operations: "creation" (created or registered),
 *     "rotation", "storage", "change-of:TAG_NAME"
 * @param objectTypes the types the attribute applies to; ignored when {@code allObjectTypes}
 * @param qualified TSV column names whose spec cell carries a condition the flags leave out
 */
public record AttributeRule(
    @Nullable Tag tag,
    ProtocolVersion specVersion,
    boolean alwaysHasValue,
    boolean initiallySetByClient,
    boolean initiallySetByServer,
    boolean modifiableByServer,
    boolean modifiableByClient,
    boolean deletableByClient,
    boolean multipleInstances,
    Set<Operation> implicitlySetBy,
    Set<String> implicitlySetWhen,
    boolean allObjectTypes,
    Set<ObjectType> objectTypes,
    Set<String> qualified,
    String source) {

  public AttributeRule {
    implicitlySetBy = Set.copyOf(implicitlySetBy);
    implicitlySetWhen = Set.copyOf(implicitlySetWhen);
    objectTypes = Set.copyOf(objectTypes);
    qualified = Set.copyOf(qualified);
  }

  /**
   * The rule Arca applies to custom ("x-", "y-") and vendor attributes, which have no table of
   * their own: the client sets, modifies and deletes them, and may give several instances (as KMIP
   * 1.4 §3.39 allows for custom attributes the client created).
   */
  public static AttributeRule customDefault(ProtocolVersion specVersion) {
    return new AttributeRule(
        null,
        specVersion,
        false,
        true,
        false,
        false,
        true,
        true,
        true,
        Set.of(),
        Set.of(),
        true,
        Set.of(),
        Set.of(),
        "Arca default for custom and vendor attributes");
  }

  /** Whether an object holds at most one instance. */
  public boolean isSingleValued() {
    return !multipleInstances;
  }

  /** Whether a client can neither set, modify nor delete the attribute. */
  public boolean isReadOnlyForClients() {
    return !initiallySetByClient && !modifiableByClient && !deletableByClient;
  }

  /** Whether an object of this type may have the attribute. */
  public boolean appliesTo(ObjectType type) {
    return allObjectTypes || objectTypes.contains(type);
  }

  /** Whether the spec cell behind a column (a TSV column name) carries a condition. */
  public boolean isQualified(String column) {
    return qualified.contains(column);
  }
}
