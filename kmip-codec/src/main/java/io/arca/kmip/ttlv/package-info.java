/**
 * TTLV values as an immutable tree of records, the strict, bounded binary reader and writer, and
 * the field-level helpers the typed layers share ({@link io.arca.kmip.ttlv.Fields} to read a
 * structure's fields strictly, {@link io.arca.kmip.ttlv.StructureBuilder} to write them).
 */
@NullMarked
package io.arca.kmip.ttlv;

import org.jspecify.annotations.NullMarked;
