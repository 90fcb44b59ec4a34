// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Operation enumeration (KMIP 2.1 §11.36 Table 470). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum Operation implements KmipEnumeration {
  /** Create (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CREATE(0x00000001, "Create"),
  /** Create Key Pair (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CREATE_KEY_PAIR(0x00000002, "CreateKeyPair"),
  /** Register (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  REGISTER(0x00000003, "Register"),
  /** Re-key (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  RE_KEY(0x00000004, "ReKey"),
  /** Derive Key (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  DERIVE_KEY(0x00000005, "DeriveKey"),
  /** Certify (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CERTIFY(0x00000006, "Certify"),
  /** Re-certify (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  RE_CERTIFY(0x00000007, "ReCertify"),
  /** Locate (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  LOCATE(0x00000008, "Locate"),
  /** Check (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CHECK(0x00000009, "Check"),
  /** Get (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  GET(0x0000000A, "Get"),
  /** Get Attributes (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  GET_ATTRIBUTES(0x0000000B, "GetAttributes"),
  /** Get Attribute List (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  GET_ATTRIBUTE_LIST(0x0000000C, "GetAttributeList"),
  /** Add Attribute (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  ADD_ATTRIBUTE(0x0000000D, "AddAttribute"),
  /** Modify Attribute (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  MODIFY_ATTRIBUTE(0x0000000E, "ModifyAttribute"),
  /** Delete Attribute (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  DELETE_ATTRIBUTE(0x0000000F, "DeleteAttribute"),
  /** Obtain Lease (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  OBTAIN_LEASE(0x00000010, "ObtainLease"),
  /** Get Usage Allocation (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  GET_USAGE_ALLOCATION(0x00000011, "GetUsageAllocation"),
  /** Activate (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  ACTIVATE(0x00000012, "Activate"),
  /** Revoke (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  REVOKE(0x00000013, "Revoke"),
  /** Destroy (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  DESTROY(0x00000014, "Destroy"),
  /** Archive (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  ARCHIVE(0x00000015, "Archive"),
  /** Recover (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  RECOVER(0x00000016, "Recover"),
  /** Validate (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  VALIDATE(0x00000017, "Validate"),
  /** Query (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  QUERY(0x00000018, "Query"),
  /** Cancel (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CANCEL(0x00000019, "Cancel"),
  /** Poll (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  POLL(0x0000001A, "Poll"),
  /** Notify (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  NOTIFY(0x0000001B, "Notify"),
  /** Put (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  PUT(0x0000001C, "Put"),
  /** Re-key Key Pair (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  RE_KEY_KEY_PAIR(0x0000001D, "ReKeyKeyPair"),
  /** Discover Versions (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  DISCOVER_VERSIONS(0x0000001E, "DiscoverVersions"),
  /** Encrypt (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  ENCRYPT(0x0000001F, "Encrypt"),
  /** Decrypt (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  DECRYPT(0x00000020, "Decrypt"),
  /** Sign (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  SIGN(0x00000021, "Sign"),
  /** Signature Verify (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  SIGNATURE_VERIFY(0x00000022, "SignatureVerify"),
  /** MAC (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  MAC(0x00000023, "MAC"),
  /** MAC Verify (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  MAC_VERIFY(0x00000024, "MACVerify"),
  /** RNG Retrieve (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  RNG_RETRIEVE(0x00000025, "RNGRetrieve"),
  /** RNG Seed (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  RNG_SEED(0x00000026, "RNGSeed"),
  /** Hash (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  HASH(0x00000027, "Hash"),
  /** Create Split Key (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  CREATE_SPLIT_KEY(0x00000028, "CreateSplitKey"),
  /** Join Split Key (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  JOIN_SPLIT_KEY(0x00000029, "JoinSplitKey"),
  /** Import (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  IMPORT(0x0000002A, "Import"),
  /** Export (KMIP 1.0+; KMIP 2.1 §11.36 Table 470). */
  EXPORT(0x0000002B, "Export"),
  /** Log (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  LOG(0x0000002C, "Log"),
  /** Login (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  LOGIN(0x0000002D, "Login"),
  /** Logout (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  LOGOUT(0x0000002E, "Logout"),
  /** Delegated Login (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  DELEGATED_LOGIN(0x0000002F, "DelegatedLogin"),
  /** Adjust Attribute (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  ADJUST_ATTRIBUTE(0x00000030, "AdjustAttribute"),
  /** Set Attribute (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  SET_ATTRIBUTE(0x00000031, "SetAttribute"),
  /** Set Endpoint Role (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  SET_ENDPOINT_ROLE(0x00000032, "SetEndpointRole"),
  /** PKCS#11 (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  PKCS_11(0x00000033, "PKCS_11"),
  /** Interop (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  INTEROP(0x00000034, "Interop"),
  /** Re-Provision (KMIP 2.0+; KMIP 2.1 §11.36 Table 470). */
  RE_PROVISION(0x00000035, "ReProvision"),
  /** Set Defaults (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  SET_DEFAULTS(0x00000036, "SetDefaults"),
  /** Set Constraints (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  SET_CONSTRAINTS(0x00000037, "SetConstraints"),
  /** Get Constraints (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  GET_CONSTRAINTS(0x00000038, "GetConstraints"),
  /** Query Asynchronous Requests (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  QUERY_ASYNCHRONOUS_REQUESTS(0x00000039, "QueryAsynchronousRequests"),
  /** Process (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  PROCESS(0x0000003A, "Process"),
  /** Ping (KMIP 2.1+; KMIP 2.1 §11.36 Table 470). */
  PING(0x0000003B, "Ping");

  static final EnumerationIndex<Operation> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  Operation(int value, String xmlName) {
    this.value = value;
    this.xmlName = xmlName;
  }

  @Override
  public int value() {
    return value;
  }

  @Override
  public String xmlName() {
    return xmlName;
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
