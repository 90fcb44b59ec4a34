/**
 * The stores behind the handlers: the ports ({@link io.arca.server.store.KeyWrapper}, and later
 * ObjectStore and KeyCache) and their adapters. Key material is wrapped before it reaches the
 * database and unwrapped only in memory.
 */
@NullMarked
package io.arca.server.store;

import org.jspecify.annotations.NullMarked;
