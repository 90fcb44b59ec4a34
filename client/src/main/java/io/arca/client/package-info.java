/** The Arca Java client and the {@code arca} command line. */
@NullMarked
package io.arca.client;

import org.jspecify.annotations.NullMarked;
