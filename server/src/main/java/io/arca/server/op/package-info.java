/**
 * One handler per KMIP operation, found through the {@link io.arca.server.batch.OperationRegistry}.
 */
@NullMarked
package io.arca.server.op;

import org.jspecify.annotations.NullMarked;
