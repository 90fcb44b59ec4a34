/**
 * Key material apart from the wire and the stores: generating symmetric keys and key pairs ({@link
 * io.arca.server.keys.KeyMaker}), holding material in the clear ({@link
 * io.arca.server.keys.ClearKey}, {@link io.arca.server.keys.KeyMaterial}), converting it between
 * KMIP Key Format Types and computing its Digest ({@link io.arca.server.keys.KeyFormats}), and
 * handing it to the JCA ({@link io.arca.server.keys.JcaKeys}). The DER work is Bouncy Castle's
 * ASN.1 layer; no JCA provider is registered.
 */
@NullMarked
package io.arca.server.keys;

import org.jspecify.annotations.NullMarked;
