/**
 * The KMIP vocabulary: item types, tags, enumerations and masks (generated from the specification's
 * tables into {@code src/generated/java}), protocol versions and the codec's one exception type.
 */
@NullMarked
package io.arca.kmip;

import org.jspecify.annotations.NullMarked;
