package io.arca.server.hsm;

import io.arca.hsm.HsmModule;
import io.arca.hsm.TokenInformation;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.op.Pkcs11Functions;

/**
 * The PKCS#11 operation's functions on the HSM Arca opened: each call reads the slots open at that
 * moment, so a slot is never reachable through the operation unless it is configured.
 */
public final class HsmPkcs11Functions implements Pkcs11Functions {
  private final HsmModule hsm;

  /** The functions of {@code hsm}'s library, over its open slots. */
  public HsmPkcs11Functions(HsmModule hsm) {
    this.hsm = hsm;
  }

  @Override
  public Outcome info() {
    return outcome(hsm.information().info());
  }

  @Override
  public Outcome slotList() {
    return outcome(hsm.information().slotList());
  }

  @Override
  public Outcome slotInfo(long slotId) {
    return outcome(hsm.information().slotInfo(slotId));
  }

  @Override
  public Outcome tokenInfo(long slotId) {
    return outcome(hsm.information().tokenInfo(slotId));
  }

  @Override
  public Outcome mechanismList(long slotId) {
    return outcome(hsm.information().mechanismList(slotId));
  }

  @Override
  public Outcome mechanismInfo(long slotId, long mechanism) {
    return outcome(hsm.information().mechanismInfo(slotId, mechanism));
  }

  private static Outcome outcome(TokenInformation.Result result) {
    return new Outcome(result.returnCode(), ByteString.copyOf(result.output()));
  }
}
