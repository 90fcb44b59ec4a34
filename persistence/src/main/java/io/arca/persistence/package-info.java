/**
 * The SQL object store: connection pool, dialects, migrations, wrapped-object rows. Knows nothing
 * of KMIP.
 */
@NullMarked
package io.arca.persistence;

import org.jspecify.annotations.NullMarked;
