/**
 * The Netty pipeline: TLS, TTLV framing with the size checked before buffering, one request at a
 * time per connection, and the hand-off of each request to the bounded worker pool.
 */
@NullMarked
package io.arca.server.transport;

import org.jspecify.annotations.NullMarked;
