package io.arca.kmip.message;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;

/**
 * The Authentication structure of a request header (KMIP 1.4 §6.6, 2.1 §9.4): one Credential in
 * 1.x, one or more in 2.x. Credentials stay raw structures because they may hold a password, and
 * this record's {@link #toString()} shows only how many there are and their Credential Types.
 */
public record Authentication(List<TtlvStructure> credentials) {
  public Authentication {
    credentials = List.copyOf(credentials);
    if (credentials.isEmpty()) {
      throw new IllegalArgumentException("credentials: empty (expected: at least one)");
    }
    for (TtlvStructure credential : credentials) {
      if (credential.tag() != Tag.CREDENTIAL.code()) {
        throw new IllegalArgumentException("credential tag: " + credential.tag());
      }
    }
  }

  /** Authentication with these credentials. */
  public static Authentication of(TtlvStructure... credentials) {
    return new Authentication(List.of(credentials));
  }

  static Authentication decode(TtlvStructure structure, String path, ProtocolVersion version) {
    FieldReader fields = new FieldReader(structure, path + "/Authentication", version);
    List<TtlvStructure> credentials = fields.repeated(Tag.CREDENTIAL.code(), TtlvStructure.class);
    fields.finish(false);
    if (credentials.isEmpty()) {
      throw fields.invalid("Credential: missing (expected: present)");
    }
    if (credentials.size() > 1 && !version.isAtLeast(ProtocolVersion.V2_0)) {
      throw fields.invalid(
          "Credential: repeated (expected: at most one in protocol " + version + ")");
    }
    return new Authentication(credentials);
  }

  TtlvStructure encode() {
    List<Ttlv> items = new ArrayList<>(credentials);
    return new TtlvStructure(Tag.AUTHENTICATION.code(), items);
  }

  @Override
  public String toString() {
    List<String> types = new ArrayList<>();
    for (TtlvStructure credential : credentials) {
      types.add(
          credential.first(Tag.CREDENTIAL_TYPE.code()) instanceof TtlvEnumeration type
              ? Integer.toString(type.value())
              : "?");
    }
    return "Authentication[credentialTypes=" + types + "]";
  }
}
