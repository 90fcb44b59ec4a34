package io.arca.kmip.message;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;

/**
 * Result Reasons as a peer of a given protocol version can read them (KMIP 1.4 §9.1.3.2.29, KMIP
 * 2.1 §11.46). A reason the client's version does not define, such as 2.0's Read Only Attribute
 * sent to a 1.x client or 1.x's Illegal Operation sent to a 2.x client, becomes General Failure,
 * which every version defines.
 *
 * <p>The first versions come from vocabulary.tsv, which numbers the reasons 1.1-1.4 added by their
 * own version (Encoding Option Error 1.1, the attestation reasons 1.2, Sensitive, Not Extractable
 * and Object Already Exists 1.4), so none of them reaches an older client.
 */
public final class ResultReasons {
  private ResultReasons() {}

  /** The reason itself if {@code version} defines it, else General Failure. */
  public static ResultReason forVersion(ResultReason reason, ProtocolVersion version) {
    return reason.isDefinedIn(version) ? reason : ResultReason.GENERAL_FAILURE;
  }
}
