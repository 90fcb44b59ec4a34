/** The {@code arca} command line (picocli): one class per command group. */
@NullMarked
package io.arca.client.cli;

import org.jspecify.annotations.NullMarked;
