/**
 * The cryptographic operations on key material the server holds in memory: the JDK's providers
 * where they are fastest (AES-GCM has CPU intrinsics), with KMIP's parameters mapped to JCA
 * transformations in one place, and every unsupported combination refused with the parameter it
 * concerns.
 */
@NullMarked
package io.arca.server.crypto;

import org.jspecify.annotations.NullMarked;
