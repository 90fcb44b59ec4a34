package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.object.SymmetricKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Digests of a key in formats besides the one it came in (KMIP 2.1 §4.21): the mandatory instance
 * in the default Key Format Type of its object type and algorithm (2.1 §4.26 Table 81: Raw for
 * symmetric keys and secret data, PKCS#1 for RSA keys, Transparent EC for EC keys), and the
 * instance of the format a Get or Export returns, so that an exported transparent key carries the
 * Digest of the material it holds.
 */
final class KeyDigests {
  private static final ObjectFormats FORMATS = new ObjectFormats();

  private KeyDigests() {}

  /** The default Key Format Type of Table 81 for {@code object}, or null if it names none. */
  static @Nullable Integer defaultFormat(ManagedObject object) {
    KeyBlock block = object.keyBlock();
    if (block == null) {
      return null;
    }
    if (object instanceof SymmetricKey || object instanceof SecretData) {
      return KeyFormatType.RAW.value();
    }
    CryptographicAlgorithm algorithm =
        block.cryptographicAlgorithm() == null
            ? null
            : CryptographicAlgorithm.byValue(block.cryptographicAlgorithm());
    if (algorithm == CryptographicAlgorithm.RSA
        && (object instanceof PrivateKey || object instanceof PublicKey)) {
      return KeyFormatType.PKCS_1.value();
    }
    boolean ec =
        algorithm == CryptographicAlgorithm.EC
            || algorithm == CryptographicAlgorithm.ECDSA
            || algorithm == CryptographicAlgorithm.ECDH
            || algorithm == CryptographicAlgorithm.ECMQV;
    if (ec && object instanceof PrivateKey) {
      return KeyFormatType.TRANSPARENT_EC_PRIVATE_KEY.value();
    }
    if (ec && object instanceof PublicKey) {
      return KeyFormatType.TRANSPARENT_EC_PUBLIC_KEY.value();
    }
    return null;
  }

  /**
   * The Digest of {@code object}'s key in {@code format}, converted as Get converts it; null when
   * the key is wrapped or cannot take that format (no digest is then owed).
   */
  static @Nullable Attribute inFormat(ManagedObject object, int format) {
    KeyBlock block = object.keyBlock();
    if (block == null
        || block.keyWrappingData() != null
        || !(block.keyValue() instanceof KeyValue.Plain)) {
      return null;
    }
    ManagedObject converted;
    try {
      converted = FORMATS.convert(object, format);
    } catch (KmipException e) {
      return null;
    }
    byte[] covered = RegisterHandler.digestInput(converted);
    if (covered == null) {
      return null;
    }
    try {
      return NewObjects.digest(covered, format);
    } finally {
      Arrays.fill(covered, (byte) 0);
    }
  }

  /**
   * {@code attributes} with a Digest of {@code object}'s key in the format it has, when none of
   * them is of that format yet (Export of a key converted to another format).
   */
  static Attributes withDigestOf(ManagedObject object, Attributes attributes) {
    KeyBlock block = object.keyBlock();
    // A PKCS#12 container is made afresh (new salts) on each Get: no digest describes it.
    if (block == null
        || block.keyFormatType() == KeyFormatType.PKCS_12.value()
        || new AttributeView(attributes).hasDigestIn(block.keyFormatType())) {
      return attributes;
    }
    Attribute digest = inFormat(object, block.keyFormatType());
    if (digest == null) {
      return attributes;
    }
    List<Attribute> items = new ArrayList<>(attributes.items());
    items.add(digest);
    return new Attributes(items, attributes.templateNames());
  }
}
