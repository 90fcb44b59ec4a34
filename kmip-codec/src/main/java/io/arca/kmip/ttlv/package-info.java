/**
 * TTLV values as an immutable tree of records, and the strict, bounded binary reader and writer.
 */
@NullMarked
package io.arca.kmip.ttlv;

import org.jspecify.annotations.NullMarked;
