// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The PKCS#11 Function enumeration (KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
 * position). Extension values (0x8xxxxxxx) have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum PKCS_11Function implements KmipEnumeration {
  /** C_Initialize (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_INITIALIZE(0x00000001, "C_Initialize", 20, 0),
  /** C_Finalize (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_FINALIZE(0x00000002, "C_Finalize", 20, 0),
  /** C_GetInfo (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_GETINFO(0x00000003, "C_GetInfo", 20, 0),
  /**
   * C_GetFunctionList (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GETFUNCTIONLIST(0x00000004, "C_GetFunctionList", 20, 0),
  /** C_GetSlotList (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_GETSLOTLIST(0x00000005, "C_GetSlotList", 20, 0),
  /** C_GetSlotInfo (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_GETSLOTINFO(0x00000006, "C_GetSlotInfo", 20, 0),
  /**
   * C_GetTokenInfo (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GETTOKENINFO(0x00000007, "C_GetTokenInfo", 20, 0),
  /**
   * C_GetMechanismList (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_GETMECHANISMLIST(0x00000008, "C_GetMechanismList", 20, 0),
  /**
   * C_GetMechanismInfo (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_GETMECHANISMINFO(0x00000009, "C_GetMechanismInfo", 20, 0),
  /** C_InitToken (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_INITTOKEN(0x0000000A, "C_InitToken", 20, 0),
  /** C_InitPIN (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_INITPIN(0x0000000B, "C_InitPIN", 20, 0),
  /** C_SetPIN (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SETPIN(0x0000000C, "C_SetPIN", 20, 0),
  /** C_OpenSession (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_OPENSESSION(0x0000000D, "C_OpenSession", 20, 0),
  /**
   * C_CloseSession (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_CLOSESESSION(0x0000000E, "C_CloseSession", 20, 0),
  /**
   * C_CloseAllSessions (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_CLOSEALLSESSIONS(0x0000000F, "C_CloseAllSessions", 20, 0),
  /**
   * C_GetSessionInfo (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GETSESSIONINFO(0x00000010, "C_GetSessionInfo", 20, 0),
  /**
   * C_GetOperationState (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_GETOPERATIONSTATE(0x00000011, "C_GetOperationState", 20, 0),
  /**
   * C_SetOperationState (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_SETOPERATIONSTATE(0x00000012, "C_SetOperationState", 20, 0),
  /** C_Login (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_LOGIN(0x00000013, "C_Login", 20, 0),
  /** C_Logout (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_LOGOUT(0x00000014, "C_Logout", 20, 0),
  /**
   * C_CreateObject (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_CREATEOBJECT(0x00000015, "C_CreateObject", 20, 0),
  /** C_CopyObject (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_COPYOBJECT(0x00000016, "C_CopyObject", 20, 0),
  /**
   * C_DestroyObject (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_DESTROYOBJECT(0x00000017, "C_DestroyObject", 20, 0),
  /**
   * C_GetObjectSize (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GETOBJECTSIZE(0x00000018, "C_GetObjectSize", 20, 0),
  /**
   * C_GetAttributeValue (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_GETATTRIBUTEVALUE(0x00000019, "C_GetAttributeValue", 20, 0),
  /**
   * C_SetAttributeValue (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_SETATTRIBUTEVALUE(0x0000001A, "C_SetAttributeValue", 20, 0),
  /**
   * C_FindObjectsInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_FINDOBJECTSINIT(0x0000001B, "C_FindObjectsInit", 20, 0),
  /** C_FindObjects (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_FINDOBJECTS(0x0000001C, "C_FindObjects", 20, 0),
  /**
   * C_FindObjectsFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_FINDOBJECTSFINAL(0x0000001D, "C_FindObjectsFinal", 20, 0),
  /** C_EncryptInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_ENCRYPTINIT(0x0000001E, "C_EncryptInit", 20, 0),
  /** C_Encrypt (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_ENCRYPT(0x0000001F, "C_Encrypt", 20, 0),
  /**
   * C_EncryptUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_ENCRYPTUPDATE(0x00000020, "C_EncryptUpdate", 20, 0),
  /**
   * C_EncryptFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_ENCRYPTFINAL(0x00000021, "C_EncryptFinal", 20, 0),
  /** C_DecryptInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DECRYPTINIT(0x00000022, "C_DecryptInit", 20, 0),
  /** C_Decrypt (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DECRYPT(0x00000023, "C_Decrypt", 20, 0),
  /**
   * C_DecryptUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_DECRYPTUPDATE(0x00000024, "C_DecryptUpdate", 20, 0),
  /**
   * C_DecryptFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_DECRYPTFINAL(0x00000025, "C_DecryptFinal", 20, 0),
  /** C_DigestInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DIGESTINIT(0x00000026, "C_DigestInit", 20, 0),
  /** C_Digest (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DIGEST(0x00000027, "C_Digest", 20, 0),
  /**
   * C_DigestUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_DIGESTUPDATE(0x00000028, "C_DigestUpdate", 20, 0),
  /** C_DigestKey (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DIGESTKEY(0x00000029, "C_DigestKey", 20, 0),
  /** C_DigestFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DIGESTFINAL(0x0000002A, "C_DigestFinal", 20, 0),
  /** C_SignInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SIGNINIT(0x0000002B, "C_SignInit", 20, 0),
  /** C_Sign (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SIGN(0x0000002C, "C_Sign", 20, 0),
  /** C_SignUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SIGNUPDATE(0x0000002D, "C_SignUpdate", 20, 0),
  /** C_SignFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SIGNFINAL(0x0000002E, "C_SignFinal", 20, 0),
  /**
   * C_SignRecoverInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_SIGNRECOVERINIT(0x0000002F, "C_SignRecoverInit", 20, 0),
  /** C_SignRecover (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SIGNRECOVER(0x00000030, "C_SignRecover", 20, 0),
  /** C_VerifyInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_VERIFYINIT(0x00000031, "C_VerifyInit", 20, 0),
  /** C_Verify (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_VERIFY(0x00000032, "C_Verify", 20, 0),
  /**
   * C_VerifyUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_VERIFYUPDATE(0x00000033, "C_VerifyUpdate", 20, 0),
  /** C_VerifyFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_VERIFYFINAL(0x00000034, "C_VerifyFinal", 20, 0),
  /**
   * C_VerifyRecoverInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_VERIFYRECOVERINIT(0x00000035, "C_VerifyRecoverInit", 20, 0),
  /**
   * C_VerifyRecover (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_VERIFYRECOVER(0x00000036, "C_VerifyRecover", 20, 0),
  /**
   * C_DigestEncryptUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_DIGESTENCRYPTUPDATE(0x00000037, "C_DigestEncryptUpdate", 20, 0),
  /**
   * C_DecryptDigestUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_DECRYPTDIGESTUPDATE(0x00000038, "C_DecryptDigestUpdate", 20, 0),
  /**
   * C_SignEncryptUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_SIGNENCRYPTUPDATE(0x00000039, "C_SignEncryptUpdate", 20, 0),
  /**
   * C_DecryptVerifyUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_DECRYPTVERIFYUPDATE(0x0000003A, "C_DecryptVerifyUpdate", 20, 0),
  /** C_GenerateKey (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_GENERATEKEY(0x0000003B, "C_GenerateKey", 20, 0),
  /**
   * C_GenerateKeyPair (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GENERATEKEYPAIR(0x0000003C, "C_GenerateKeyPair", 20, 0),
  /** C_WrapKey (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_WRAPKEY(0x0000003D, "C_WrapKey", 20, 0),
  /** C_UnwrapKey (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_UNWRAPKEY(0x0000003E, "C_UnwrapKey", 20, 0),
  /** C_DeriveKey (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DERIVEKEY(0x0000003F, "C_DeriveKey", 20, 0),
  /** C_SeedRandom (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SEEDRANDOM(0x00000040, "C_SeedRandom", 20, 0),
  /**
   * C_GenerateRandom (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GENERATERANDOM(0x00000041, "C_GenerateRandom", 20, 0),
  /**
   * C_GetFunctionStatus (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_GETFUNCTIONSTATUS(0x00000042, "C_GetFunctionStatus", 20, 0),
  /**
   * C_CancelFunction (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_CANCELFUNCTION(0x00000043, "C_CancelFunction", 20, 0),
  /**
   * C_WaitForSlotEvent (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_WAITFORSLOTEVENT(0x00000044, "C_WaitForSlotEvent", 20, 0);

  static final EnumerationIndex<PKCS_11Function> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  PKCS_11Function(int value, String xmlName, int since, int until) {
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
  public static @Nullable PKCS_11Function byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable PKCS_11Function byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
