package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.server.store.ObjectRecord;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether an object is archived (KMIP 1.4 §4.22, 2.1 §6.1.4): the Archive Date attribute, which
 * only Archive sets and Recover deletes (clients may neither set nor delete it), is the mark, kept
 * in the object's stored attributes beside its wrapped key material. An archived object serves no
 * operation but Recover and a Locate that asks for archived storage.
 */
final class Archival {
  private Archival() {}

  static boolean isArchived(ObjectRecord record) {
    return AttributeView.of(record).gives(Tag.ARCHIVE_DATE);
  }

  /** Refuses every operation on an archived object but Recover, as every version says. */
  static void checkOnLine(ObjectRecord record, @Nullable Operation op) {
    if (op != Operation.RECOVER && isArchived(record)) {
      throw archived(record.uid());
    }
  }

  static KmipException archived(String uid) {
    return new KmipException(
        ResultReason.OBJECT_ARCHIVED, uid + " is archived (expected: Recover it first)");
  }

  /**
   * Recover of an object on line: Illegal Operation in 1.x, which 2.x dropped for Invalid Field.
   */
  static KmipException notArchived(String uid, ProtocolVersion version) {
    return new KmipException(
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_FIELD
            : ResultReason.ILLEGAL_OPERATION,
        uid + " is not archived");
  }

  static Attributes withoutArchiveDate(Attributes attributes) {
    List<Attribute> kept = new ArrayList<>();
    for (Attribute attribute : attributes.items()) {
      if (attribute.value().tag() != Tag.ARCHIVE_DATE.code()) {
        kept.add(attribute);
      }
    }
    return new Attributes(kept, attributes.templateNames());
  }
}
