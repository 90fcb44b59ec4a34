/**
 * KMIP managed objects (Symmetric Key, Public Key, Private Key, Secret Data, Opaque Object,
 * Certificate, Split Key, PGP Key, and the 1.x Template) and the structures they are built of: Key
 * Block, Key Value, Key Wrapping Data, Key Wrapping Specification and Cryptographic Parameters
 * (KMIP 1.4 §2.1-2.2, 2.1 §2-3). Records hold key bytes as {@code ByteString}, and none prints
 * them.
 */
@NullMarked
package io.arca.kmip.object;

import org.jspecify.annotations.NullMarked;
