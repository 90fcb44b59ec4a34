/** The generator that turns vocabulary.tsv into the checked-in vocabulary sources. */
@NullMarked
package io.arca.kmip.tools;

import org.jspecify.annotations.NullMarked;
