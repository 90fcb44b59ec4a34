/**
 * {@code arca-bench}: a closed-loop KMIP load generator over mutual TLS (netty-tcnative), for any
 * KMIP server.
 */
@NullMarked
package io.arca.bench.load;

import org.jspecify.annotations.NullMarked;
