// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Operation enumeration (Arca extension, docs/OPERATIONS.md). Extension values (0x8xxxxxxx)
 * have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum Operation implements KmipEnumeration {
  /** Create (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CREATE(0x00000001, "Create", 10, 0),
  /** Create Key Pair (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CREATE_KEY_PAIR(0x00000002, "CreateKeyPair", 10, 0),
  /** Register (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  REGISTER(0x00000003, "Register", 10, 0),
  /** Re-key (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  RE_KEY(0x00000004, "ReKey", 10, 0),
  /** Derive Key (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  DERIVE_KEY(0x00000005, "DeriveKey", 10, 0),
  /** Certify (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CERTIFY(0x00000006, "Certify", 10, 0),
  /** Re-certify (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  RE_CERTIFY(0x00000007, "ReCertify", 10, 0),
  /** Locate (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  LOCATE(0x00000008, "Locate", 10, 0),
  /** Check (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CHECK(0x00000009, "Check", 10, 0),
  /** Get (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  GET(0x0000000A, "Get", 10, 0),
  /** Get Attributes (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  GET_ATTRIBUTES(0x0000000B, "GetAttributes", 10, 0),
  /** Get Attribute List (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  GET_ATTRIBUTE_LIST(0x0000000C, "GetAttributeList", 10, 0),
  /** Add Attribute (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  ADD_ATTRIBUTE(0x0000000D, "AddAttribute", 10, 0),
  /** Modify Attribute (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  MODIFY_ATTRIBUTE(0x0000000E, "ModifyAttribute", 10, 0),
  /** Delete Attribute (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  DELETE_ATTRIBUTE(0x0000000F, "DeleteAttribute", 10, 0),
  /** Obtain Lease (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  OBTAIN_LEASE(0x00000010, "ObtainLease", 10, 0),
  /** Get Usage Allocation (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  GET_USAGE_ALLOCATION(0x00000011, "GetUsageAllocation", 10, 0),
  /** Activate (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  ACTIVATE(0x00000012, "Activate", 10, 0),
  /** Revoke (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  REVOKE(0x00000013, "Revoke", 10, 0),
  /** Destroy (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  DESTROY(0x00000014, "Destroy", 10, 0),
  /** Archive (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  ARCHIVE(0x00000015, "Archive", 10, 0),
  /** Recover (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  RECOVER(0x00000016, "Recover", 10, 0),
  /** Validate (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  VALIDATE(0x00000017, "Validate", 10, 0),
  /** Query (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  QUERY(0x00000018, "Query", 10, 0),
  /** Cancel (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CANCEL(0x00000019, "Cancel", 10, 0),
  /** Poll (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  POLL(0x0000001A, "Poll", 10, 0),
  /** Notify (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  NOTIFY(0x0000001B, "Notify", 10, 0),
  /** Put (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  PUT(0x0000001C, "Put", 10, 0),
  /** Re-key Key Pair (KMIP 1.1+; KMIP 2.1 §11.36 Table 470). */
  RE_KEY_KEY_PAIR(0x0000001D, "ReKeyKeyPair", 11, 0),
  /** Discover Versions (KMIP 1.1+; KMIP 2.1 §11.36 Table 470). */
  DISCOVER_VERSIONS(0x0000001E, "DiscoverVersions", 11, 0),
  /** Encrypt (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  ENCRYPT(0x0000001F, "Encrypt", 12, 0),
  /** Decrypt (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  DECRYPT(0x00000020, "Decrypt", 12, 0),
  /** Sign (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  SIGN(0x00000021, "Sign", 12, 0),
  /** Signature Verify (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  SIGNATURE_VERIFY(0x00000022, "SignatureVerify", 12, 0),
  /** MAC (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  MAC(0x00000023, "MAC", 12, 0),
  /** MAC Verify (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  MAC_VERIFY(0x00000024, "MACVerify", 12, 0),
  /** RNG Retrieve (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  RNG_RETRIEVE(0x00000025, "RNGRetrieve", 12, 0),
  /** RNG Seed (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  RNG_SEED(0x00000026, "RNGSeed", 12, 0),
  /** Hash (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  HASH(0x00000027, "Hash", 12, 0),
  /** Create Split Key (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  CREATE_SPLIT_KEY(0x00000028, "CreateSplitKey", 12, 0),
  /** Join Split Key (KMIP 1.2+; KMIP 2.1 §11.36 Table 470). */
  JOIN_SPLIT_KEY(0x00000029, "JoinSplitKey", 12, 0),
  /** Import (KMIP 1.4+; KMIP 2.1 §11.36 Table 470). */
  IMPORT(0x0000002A, "Import", 14, 0),
  /** Export (KMIP 1.4+; KMIP 2.1 §11.36 Table 470). */
  EXPORT(0x0000002B, "Export", 14, 0),
  /** Log (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  LOG(0x0000002C, "Log", 20, 0),
  /** Login (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  LOGIN(0x0000002D, "Login", 20, 0),
  /** Logout (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  LOGOUT(0x0000002E, "Logout", 20, 0),
  /** Delegated Login (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  DELEGATED_LOGIN(0x0000002F, "DelegatedLogin", 20, 0),
  /** Adjust Attribute (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  ADJUST_ATTRIBUTE(0x00000030, "AdjustAttribute", 20, 0),
  /** Set Attribute (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  SET_ATTRIBUTE(0x00000031, "SetAttribute", 20, 0),
  /** Set Endpoint Role (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  SET_ENDPOINT_ROLE(0x00000032, "SetEndpointRole", 20, 0),
  /** PKCS#11 (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  PKCS_11(0x00000033, "PKCS_11", 20, 0),
  /** Interop (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  INTEROP(0x00000034, "Interop", 20, 0),
  /** Re-Provision (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  RE_PROVISION(0x00000035, "ReProvision", 20, 0),
  /** Set Defaults (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  SET_DEFAULTS(0x00000036, "SetDefaults", 21, 0),
  /** Set Constraints (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  SET_CONSTRAINTS(0x00000037, "SetConstraints", 21, 0),
  /** Get Constraints (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  GET_CONSTRAINTS(0x00000038, "GetConstraints", 21, 0),
  /** Query Asynchronous Requests (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  QUERY_ASYNCHRONOUS_REQUESTS(0x00000039, "QueryAsynchronousRequests", 21, 0),
  /** Process (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  PROCESS(0x0000003A, "Process", 21, 0),
  /** Ping (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  PING(0x0000003B, "Ping", 21, 0),
  /** Grant Access (KMIP 1.0+; Arca extension, docs/ACCESS.md). */
  GRANT_ACCESS(0x80000001, "GrantAccess", 10, 0),
  /** Revoke Access (KMIP 1.0+; Arca extension, docs/ACCESS.md). */
  REVOKE_ACCESS(0x80000002, "RevokeAccess", 10, 0),
  /** List Access (KMIP 1.0+; Arca extension, docs/ACCESS.md). */
  LIST_ACCESS(0x80000003, "ListAccess", 10, 0),
  /** Rotate KEK (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ROTATE_KEK(0x80000004, "RotateKek", 10, 0),
  /** KEK Status (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  KEK_STATUS(0x80000005, "KekStatus", 10, 0),
  /** Deny Certificate (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  DENY_CERTIFICATE(0x80000006, "DenyCertificate", 10, 0),
  /** Allow Certificate (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ALLOW_CERTIFICATE(0x80000007, "AllowCertificate", 10, 0),
  /** Reload (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  RELOAD(0x80000008, "Reload", 10, 0);

  static final EnumerationIndex<Operation> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  Operation(int value, String xmlName, int since, int until) {
    this.value = value;
    this.xmlName = xmlName;
    this.since = since;
    this.until = until;
  }

  @Override
  public int value() {
    return value;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  /** The first version that defines this value. */
  @Override
  public ProtocolVersion since() {
    return ProtocolVersion.firstOfTableCode(since);
  }

  /** The last version that defines this value, or null when 2.1 still does. */
  @Override
  public @Nullable ProtocolVersion until() {
    return ProtocolVersion.ofTableCode(until);
  }

  /** The constant with this value, or null (extensions and unknown values). */
  public static @Nullable Operation byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable Operation byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
