/**
 * The tamper-evident audit log: one record per answered batch item, appended to a hash chain in the
 * database (and optionally a file) off the request path, and checked by {@code arca-server audit
 * verify}.
 */
@NullMarked
package io.arca.server.audit;

import org.jspecify.annotations.NullMarked;
