package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.access.AccessPolicy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The router between the handlers and the two places a key can live: an {@code hsm::} identifier
 * names a key of the PKCS#11 token, every other one a key the server stores. Handlers ask here once
 * per request for the {@link KeyBacking} of the object they resolved, so no handler knows of the
 * HSM and every rule that does not depend on the backing is written once, in the handler.
 */
public final class KeyBackings {
  private final StoredKeyBacking stored;
  private final @Nullable KeyBacking hsm;

  /** Stored keys, and the token's keys when the server has an HSM ({@code hsm} not null). */
  public KeyBackings(StoredKeyBacking stored, @Nullable KeyBacking hsm) {
    this.stored = stored;
    this.hsm = hsm;
  }

  /** Stored keys alone: {@code hsm::} identifiers name nothing. */
  public static KeyBackings storedOnly(StoredKeyBacking stored) {
    return new KeyBackings(stored, null);
  }

  /** The stored keys' backing. */
  StoredKeyBacking stored() {
    return stored;
  }

  /**
   * The backing of an existing object. Without an HSM an {@code hsm::} object never resolves (the
   * store finds none), so the stored backing is never asked about one.
   */
  KeyBacking of(String uid) {
    return hsm != null && AccessPolicy.isHsm(uid) ? hsm : stored;
  }

  /**
   * Where a new key goes: into the HSM when the client chose an {@code hsm::} identifier for it, as
   * the Unique Identifier attribute (2.x) or a Name (1.x clients cannot set the identifier).
   *
   * @throws KmipException Feature Not Supported for an {@code hsm::} identifier on a server without
   *     an HSM
   */
  KeyBacking forNew(@Nullable Attributes attributes) {
    String chosen = attributes == null ? null : hsmIdentifier(attributes);
    if (chosen == null) {
      return stored;
    }
    if (hsm == null) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          chosen + ": this server has no HSM (start it with --hsm-model and --hsm-slot)");
    }
    return hsm;
  }

  /** The {@code hsm::} identifier the attributes choose, or null. */
  public static @Nullable String hsmIdentifier(Attributes attributes) {
    AttributeView view = new AttributeView(attributes);
    List<Attribute> uids = view.uniqueIdentifiers();
    if (!uids.isEmpty()
        && uids.get(0).value() instanceof TtlvTextString text
        && AccessPolicy.isHsm(text.value())) {
      return text.value();
    }
    for (Attribute name : view.names()) {
      String value = nameValue(name.value());
      if (value != null && AccessPolicy.isHsm(value)) {
        return value;
      }
    }
    return null;
  }

  private static @Nullable String nameValue(Ttlv value) {
    if (value instanceof TtlvTextString text) {
      return text.value();
    }
    return AttributeView.nameValue(value).orElse(null);
  }
}
