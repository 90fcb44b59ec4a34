/**
 * What the modules' tests share: the PKCS#11 test tokens of both token implementations, and client
 * certificates issued by a test CA. Test scope only; never part of the server.
 */
@NullMarked
package io.arca.testing;

import org.jspecify.annotations.NullMarked;
