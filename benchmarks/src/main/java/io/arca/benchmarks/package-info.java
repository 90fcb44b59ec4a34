/** JMH benchmarks for the codec and, later, the crypto handlers. */
@NullMarked
package io.arca.benchmarks;

import org.jspecify.annotations.NullMarked;
