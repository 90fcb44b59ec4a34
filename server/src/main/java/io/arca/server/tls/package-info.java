/**
 * TLS for the KMIP port: the server's SSL context and the development PKI made on a first start
 * without TLS.
 */
@NullMarked
package io.arca.server.tls;

import org.jspecify.annotations.NullMarked;
