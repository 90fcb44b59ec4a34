/** Tests of the SQL object store, one contract run on every back end. */
@NullMarked
package io.arca.persistence;

import org.jspecify.annotations.NullMarked;
