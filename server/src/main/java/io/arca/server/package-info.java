/** The KMIP server: configuration, TLS transport, batch processing and operation handlers. */
@NullMarked
package io.arca.server;

import org.jspecify.annotations.NullMarked;
