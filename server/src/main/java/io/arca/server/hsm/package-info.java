/**
 * The server's side of the HSM: {@code hsm::<slot>::<label>} objects as managed objects ({@link
 * io.arca.server.hsm.HsmObjects}), the router that sends their identifiers there ({@link
 * io.arca.server.hsm.HsmRoutingStore}) and the token's side of the key port ({@link
 * io.arca.server.hsm.HsmKeyBacking}). Who may use them is decided as for every object.
 */
@NullMarked
package io.arca.server.hsm;

import org.jspecify.annotations.NullMarked;
