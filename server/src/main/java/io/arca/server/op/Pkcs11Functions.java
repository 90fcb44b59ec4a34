package io.arca.server.op;

import io.arca.kmip.ttlv.ByteString;

/**
 * The PKCS#11 functions a KMIP client may have the server's library carry out (the PKCS#11
 * operation's allow-list): those that only read information, over the slots Arca is configured
 * with. Parameters and outputs are in the layout of the KMIP PKCS#11 profile.
 */
public interface Pkcs11Functions {

  /**
   * A function's return value and output.
   *
   * @param returnCode the CK_RV
   * @param output the output parameters; empty unless the return value is CKR_OK
   */
  record Outcome(long returnCode, ByteString output) {}

  /** C_GetInfo. */
  Outcome info();

  /** C_GetSlotList: the configured slots. */
  Outcome slotList();

  /** C_GetSlotInfo of a configured slot. */
  Outcome slotInfo(long slotId);

  /** C_GetTokenInfo of a configured slot's token. */
  Outcome tokenInfo(long slotId);

  /** C_GetMechanismList of a configured slot's token. */
  Outcome mechanismList(long slotId);

  /** C_GetMechanismInfo of a configured slot's token. */
  Outcome mechanismInfo(long slotId, long mechanism);
}
