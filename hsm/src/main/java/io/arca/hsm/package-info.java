/**
 * PKCS#11 slots, session pools, key generation and crypto inside the HSM. Knows nothing of KMIP.
 */
@NullMarked
package io.arca.hsm;

import org.jspecify.annotations.NullMarked;
