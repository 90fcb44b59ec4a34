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
  C_INITIALIZE(0x00000001, "C_Initialize"),
  /** C_Finalize (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_FINALIZE(0x00000002, "C_Finalize"),
  /** C_GetInfo (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_GETINFO(0x00000003, "C_GetInfo"),
  /**
   * C_GetFunctionList (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GETFUNCTIONLIST(0x00000004, "C_GetFunctionList"),
  /** C_GetSlotList (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_GETSLOTLIST(0x00000005, "C_GetSlotList"),
  /** C_GetSlotInfo (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_GETSLOTINFO(0x00000006, "C_GetSlotInfo"),
  /**
   * C_GetTokenInfo (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GETTOKENINFO(0x00000007, "C_GetTokenInfo"),
  /**
   * C_GetMechanismList (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_GETMECHANISMLIST(0x00000008, "C_GetMechanismList"),
  /**
   * C_GetMechanismInfo (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_GETMECHANISMINFO(0x00000009, "C_GetMechanismInfo"),
  /** C_InitToken (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_INITTOKEN(0x0000000A, "C_InitToken"),
  /** C_InitPIN (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_INITPIN(0x0000000B, "C_InitPIN"),
  /** C_SetPIN (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SETPIN(0x0000000C, "C_SetPIN"),
  /** C_OpenSession (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_OPENSESSION(0x0000000D, "C_OpenSession"),
  /**
   * C_CloseSession (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_CLOSESESSION(0x0000000E, "C_CloseSession"),
  /**
   * C_CloseAllSessions (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_CLOSEALLSESSIONS(0x0000000F, "C_CloseAllSessions"),
  /**
   * C_GetSessionInfo (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GETSESSIONINFO(0x00000010, "C_GetSessionInfo"),
  /**
   * C_GetOperationState (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_GETOPERATIONSTATE(0x00000011, "C_GetOperationState"),
  /**
   * C_SetOperationState (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_SETOPERATIONSTATE(0x00000012, "C_SetOperationState"),
  /** C_Login (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_LOGIN(0x00000013, "C_Login"),
  /** C_Logout (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_LOGOUT(0x00000014, "C_Logout"),
  /**
   * C_CreateObject (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_CREATEOBJECT(0x00000015, "C_CreateObject"),
  /** C_CopyObject (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_COPYOBJECT(0x00000016, "C_CopyObject"),
  /**
   * C_DestroyObject (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_DESTROYOBJECT(0x00000017, "C_DestroyObject"),
  /**
   * C_GetObjectSize (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GETOBJECTSIZE(0x00000018, "C_GetObjectSize"),
  /**
   * C_GetAttributeValue (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_GETATTRIBUTEVALUE(0x00000019, "C_GetAttributeValue"),
  /**
   * C_SetAttributeValue (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_SETATTRIBUTEVALUE(0x0000001A, "C_SetAttributeValue"),
  /**
   * C_FindObjectsInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_FINDOBJECTSINIT(0x0000001B, "C_FindObjectsInit"),
  /** C_FindObjects (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_FINDOBJECTS(0x0000001C, "C_FindObjects"),
  /**
   * C_FindObjectsFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_FINDOBJECTSFINAL(0x0000001D, "C_FindObjectsFinal"),
  /** C_EncryptInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_ENCRYPTINIT(0x0000001E, "C_EncryptInit"),
  /** C_Encrypt (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_ENCRYPT(0x0000001F, "C_Encrypt"),
  /**
   * C_EncryptUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_ENCRYPTUPDATE(0x00000020, "C_EncryptUpdate"),
  /**
   * C_EncryptFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_ENCRYPTFINAL(0x00000021, "C_EncryptFinal"),
  /** C_DecryptInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DECRYPTINIT(0x00000022, "C_DecryptInit"),
  /** C_Decrypt (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DECRYPT(0x00000023, "C_Decrypt"),
  /**
   * C_DecryptUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_DECRYPTUPDATE(0x00000024, "C_DecryptUpdate"),
  /**
   * C_DecryptFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_DECRYPTFINAL(0x00000025, "C_DecryptFinal"),
  /** C_DigestInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DIGESTINIT(0x00000026, "C_DigestInit"),
  /** C_Digest (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DIGEST(0x00000027, "C_Digest"),
  /**
   * C_DigestUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_DIGESTUPDATE(0x00000028, "C_DigestUpdate"),
  /** C_DigestKey (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DIGESTKEY(0x00000029, "C_DigestKey"),
  /** C_DigestFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DIGESTFINAL(0x0000002A, "C_DigestFinal"),
  /** C_SignInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SIGNINIT(0x0000002B, "C_SignInit"),
  /** C_Sign (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SIGN(0x0000002C, "C_Sign"),
  /** C_SignUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SIGNUPDATE(0x0000002D, "C_SignUpdate"),
  /** C_SignFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SIGNFINAL(0x0000002E, "C_SignFinal"),
  /**
   * C_SignRecoverInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_SIGNRECOVERINIT(0x0000002F, "C_SignRecoverInit"),
  /** C_SignRecover (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SIGNRECOVER(0x00000030, "C_SignRecover"),
  /** C_VerifyInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_VERIFYINIT(0x00000031, "C_VerifyInit"),
  /** C_Verify (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_VERIFY(0x00000032, "C_Verify"),
  /**
   * C_VerifyUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_VERIFYUPDATE(0x00000033, "C_VerifyUpdate"),
  /** C_VerifyFinal (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_VERIFYFINAL(0x00000034, "C_VerifyFinal"),
  /**
   * C_VerifyRecoverInit (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_VERIFYRECOVERINIT(0x00000035, "C_VerifyRecoverInit"),
  /**
   * C_VerifyRecover (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_VERIFYRECOVER(0x00000036, "C_VerifyRecover"),
  /**
   * C_DigestEncryptUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_DIGESTENCRYPTUPDATE(0x00000037, "C_DigestEncryptUpdate"),
  /**
   * C_DecryptDigestUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_DECRYPTDIGESTUPDATE(0x00000038, "C_DecryptDigestUpdate"),
  /**
   * C_SignEncryptUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_SIGNENCRYPTUPDATE(0x00000039, "C_SignEncryptUpdate"),
  /**
   * C_DecryptVerifyUpdate (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_DECRYPTVERIFYUPDATE(0x0000003A, "C_DecryptVerifyUpdate"),
  /** C_GenerateKey (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_GENERATEKEY(0x0000003B, "C_GenerateKey"),
  /**
   * C_GenerateKeyPair (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GENERATEKEYPAIR(0x0000003C, "C_GenerateKeyPair"),
  /** C_WrapKey (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_WRAPKEY(0x0000003D, "C_WrapKey"),
  /** C_UnwrapKey (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_UNWRAPKEY(0x0000003E, "C_UnwrapKey"),
  /** C_DeriveKey (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_DERIVEKEY(0x0000003F, "C_DeriveKey"),
  /** C_SeedRandom (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position). */
  C_SEEDRANDOM(0x00000040, "C_SeedRandom"),
  /**
   * C_GenerateRandom (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_GENERATERANDOM(0x00000041, "C_GenerateRandom"),
  /**
   * C_GetFunctionStatus (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_GETFUNCTIONSTATUS(0x00000042, "C_GetFunctionStatus"),
  /**
   * C_CancelFunction (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position).
   */
  C_CANCELFUNCTION(0x00000043, "C_CancelFunction"),
  /**
   * C_WaitForSlotEvent (KMIP 2.0+; KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST
   * position).
   */
  C_WAITFORSLOTEVENT(0x00000044, "C_WaitForSlotEvent");

  static final EnumerationIndex<PKCS_11Function> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  PKCS_11Function(int value, String xmlName) {
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
  public static @Nullable PKCS_11Function byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable PKCS_11Function byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
