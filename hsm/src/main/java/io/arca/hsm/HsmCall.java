package io.arca.hsm;

/**
 * The kinds of token operation an {@link HsmSlot} counts, so callers can prove how often they reach
 * the HSM (for example that a thousand encryptions with a cached key cost one unwrap).
 */
public enum HsmCall {
  FIND,
  GET_ATTRIBUTES,
  GENERATE,
  DESTROY,
  ENCRYPT,
  DECRYPT,
  WRAP,
  UNWRAP,
  SIGN,
  VERIFY,
  MAC
}
