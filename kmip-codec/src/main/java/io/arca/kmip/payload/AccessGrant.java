package io.arca.kmip.payload;

import io.arca.kmip.Operation;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One Arca access grant (a vendor extension, docs/ACCESS.md): the operations a user (or {@code *},
 * every authenticated user) may carry out on one object, or on the server when no object is named
 * (the creation rights: Create, Create Key Pair, Register, Import). It is the body of Grant Access
 * and Revoke Access requests and the Arca Access Grant structure that List Access answers with.
 *
 * @param user the grantee, or {@code *}
 * @param uniqueIdentifier the object, or null for the server
 * @param operations the operations granted, at least one
 */
public record AccessGrant(
    String user, @Nullable String uniqueIdentifier, Set<Operation> operations) {
  /** The grantee that stands for every authenticated user. */
  public static final String EVERY_USER = "*";

  public AccessGrant {
    Objects.requireNonNull(user, "user");
    if (user.isEmpty()) {
      throw new IllegalArgumentException("user: empty");
    }
    operations = Set.copyOf(operations);
  }

  /** Reads the grant from the fields of a payload or an Arca Access Grant structure. */
  static AccessGrant read(Fields fields) {
    String user = fields.requiredText(Tag.ARCA_USER);
    String uid = fields.text(Tag.UNIQUE_IDENTIFIER);
    List<TtlvEnumeration> values = fields.repeated(Tag.OPERATION, TtlvEnumeration.class);
    if (user.isEmpty()) {
      throw fields.invalid("ArcaUser: empty (expected: a user name or *)");
    }
    if (values.isEmpty()) {
      throw fields.invalid("Operation: missing (expected: at least one)");
    }
    Set<Operation> operations = EnumSet.noneOf(Operation.class);
    for (TtlvEnumeration value : values) {
      Operation operation = Operation.byValue(value.value());
      if (operation == null) {
        throw fields.invalid(
            "Operation: 0x" + Integer.toHexString(value.value()) + " is not an operation");
      }
      operations.add(operation);
    }
    return new AccessGrant(user, uid, operations);
  }

  /** Writes the grant's fields, operations in the order of their values. */
  StructureBuilder write(StructureBuilder builder) {
    builder.text(Tag.ARCA_USER, user).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
    operations.stream()
        .sorted()
        .forEach(operation -> builder.enumeration(Tag.OPERATION, operation.value()));
    return builder;
  }

  /** This grant as an Arca Access Grant structure. */
  public TtlvStructure toStructure() {
    return write(StructureBuilder.of(Tag.ARCA_ACCESS_GRANT)).build();
  }

  /** Decodes an Arca Access Grant structure. */
  public static AccessGrant fromStructure(TtlvStructure structure) {
    Fields fields = Fields.of(structure, "ArcaAccessGrant");
    AccessGrant grant = read(fields);
    fields.finish();
    return grant;
  }
}
