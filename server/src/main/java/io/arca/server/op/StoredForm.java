package io.arca.server.op;

import io.arca.kmip.ProtocolVersion;

/**
 * The one protocol version in which objects are stored, whatever version the client spoke: the
 * content is kept as the 2.1 encoding of the object's structure and converted when answered.
 */
final class StoredForm {
  private StoredForm() {}

  static final ProtocolVersion VERSION = ProtocolVersion.V2_1;
}
