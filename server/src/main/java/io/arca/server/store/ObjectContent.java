package io.arca.server.store;

import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plaintext of a managed object, the KMIP structure of the object itself (a Symmetric Key, a
 * Private Key, an Opaque Object, ...), lent to one handler: it is the handler's own copy, and
 * {@link #close()} zeroes every byte string in it. Its {@code toString()} shows no bytes.
 */
public final class ObjectContent implements AutoCloseable {
  private final TtlvStructure structure;

  /** Takes ownership of {@code structure}: closing this wipes it. */
  public ObjectContent(TtlvStructure structure) {
    this.structure = structure;
  }

  /** The object's structure; valid until {@link #close()}. */
  public TtlvStructure structure() {
    return structure;
  }

  /** Zeroes every byte string in the structure. */
  @Override
  public void close() {
    wipe(structure);
  }

  /** Zeroes every byte string in {@code item} and below it. */
  public static void wipe(Ttlv item) {
    if (item instanceof TtlvByteString bytes) {
      bytes.value().wipe();
    } else if (item instanceof TtlvStructure s) {
      s.items().forEach(ObjectContent::wipe);
    }
  }

  /**
   * A deep copy of {@code structure} whose byte strings are its own, for a response that must
   * outlive the content it was made from (closing the content wipes the shared byte strings).
   */
  public static TtlvStructure detachedCopy(TtlvStructure structure) {
    List<Ttlv> items = new ArrayList<>(structure.items().size());
    for (Ttlv item : structure.items()) {
      if (item instanceof TtlvByteString bytes) {
        byte[] copy = bytes.value().toByteArray();
        items.add(new TtlvByteString(bytes.tag(), ByteString.copyOf(copy)));
        Arrays.fill(copy, (byte) 0);
      } else if (item instanceof TtlvStructure child) {
        items.add(detachedCopy(child));
      } else {
        items.add(item);
      }
    }
    return new TtlvStructure(structure.tag(), items);
  }

  @Override
  public String toString() {
    return "ObjectContent[" + structure.tag() + "]";
  }
}
