/**
 * The server's side of the HSM: {@code hsm::<slot>::<label>} objects as managed objects ({@link
 * io.arca.server.hsm.HsmObjects}), the router that sends their identifiers there ({@link
 * io.arca.server.hsm.HsmRoutingStore}), the operations that run inside the HSM ({@link
 * io.arca.server.hsm.HsmOperations}) and the one decision about who may use them ({@link
 * io.arca.server.hsm.HsmAccess}).
 */
@NullMarked
package io.arca.server.hsm;

import org.jspecify.annotations.NullMarked;
