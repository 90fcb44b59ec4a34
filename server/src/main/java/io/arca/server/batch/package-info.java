/** The rules that cross batch items: continuation options, undo, ID placeholders, response size. */
@NullMarked
package io.arca.server.batch;

import org.jspecify.annotations.NullMarked;
