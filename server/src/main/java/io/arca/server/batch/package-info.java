/**
 * The rules that cross batch items (continuation options, undo, ID placeholders, response size),
 * and the {@link io.arca.server.batch.OperationHandler} port through which a batch reaches the
 * handlers: {@code op} depends on this package, never the other way.
 */
@NullMarked
package io.arca.server.batch;

import org.jspecify.annotations.NullMarked;
