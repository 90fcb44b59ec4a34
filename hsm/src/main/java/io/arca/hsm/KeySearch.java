package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Token;

/**
 * {@link HsmSlot#findKeys}: the token filters by class, key type, curve and secret-key length
 * (C_FindObjects with a template); the labels of what it finds are read and filtered by prefix, and
 * the attributes of the matching labels are read in label order until enough keys match.
 */
final class KeySearch {

  /** The most objects of one class read from the token for one search. */
  static final int MAX_SCANNED = 4096;

  private KeySearch() {}

  static List<HsmKeyInfo> find(TokenCaller caller, PKCS11Token token, long slotId, KeyQuery query) {
    String what = "searching the keys of slot " + slotId;
    TreeMap<String, Long> candidates = new TreeMap<>();
    boolean anyObject = false;
    for (KeyClass keyClass : KeyClass.values()) {
      if (query.keyClass() != null && query.keyClass() != keyClass) {
        continue;
      }
      AttributeVector template = template(query, keyClass);
      long[] handles =
          caller.call(HsmCall.FIND, true, what, () -> token.findObjects(template, MAX_SCANNED));
      anyObject |= handles.length > 0;
      for (long handle : handles) {
        String label =
            caller
                .call(
                    HsmCall.GET_ATTRIBUTES,
                    true,
                    "reading a key label in slot " + slotId,
                    () -> token.getAttrValues(handle, CKA_LABEL))
                .label();
        String prefix = query.labelPrefix();
        if (label != null && nameable(label) && (prefix == null || label.startsWith(prefix))) {
          // Two objects with one label cannot be told apart by hsm:: ids: the first one stays.
          candidates.putIfAbsent(label + '\0' + keyClass, handle);
        }
      }
    }
    if (!anyObject) {
      // A lost token finds nothing, without an error: an empty answer must come from one that
      // answers.
      caller.confirmPresent(what);
    }
    List<HsmKeyInfo> found = new ArrayList<>();
    for (Map.Entry<String, Long> candidate : candidates.entrySet()) {
      if (found.size() == query.maxKeys()) {
        break;
      }
      String label = candidate.getKey().substring(0, candidate.getKey().indexOf('\0'));
      HsmKeyInfo info;
      try {
        info = KeyAttributes.read(caller, token, label, candidate.getValue());
      } catch (HsmException e) {
        if (e.kind() == HsmException.Kind.INVALID_KEY) {
          continue; // not a key this module uses (another curve or type), or destroyed meanwhile
        }
        throw e;
      }
      if (query.matches(info)) {
        found.add(info);
      }
    }
    return found;
  }

  private static AttributeVector template(KeyQuery query, KeyClass keyClass) {
    AttributeVector template =
        new AttributeVector().class_(KeyAttributes.objectClass(keyClass)).token(true);
    KeyAlgorithm algorithm = query.algorithm();
    if (algorithm != null) {
      template.keyType(KeyAttributes.keyType(algorithm));
    }
    EcCurve curve = query.curve();
    if (curve != null) {
      template.ecParams(curve.params());
    }
    if (keyClass == KeyClass.SECRET && query.lengthBits() > 0 && query.lengthBits() % 8 == 0) {
      template.valueLen(query.lengthBits() / 8);
    }
    return template;
  }

  /** Whether an {@code hsm::} id can name the label (the server could not name the key else). */
  private static boolean nameable(String label) {
    try {
      HsmKeyRef.checkLabel(label);
      return true;
    } catch (HsmException e) {
      return false;
    }
  }
}
