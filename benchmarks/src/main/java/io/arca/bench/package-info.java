/** JMH benchmarks of the KMIP codec; results are written down in docs/PERFORMANCE.md. */
@NullMarked
package io.arca.bench;

import org.jspecify.annotations.NullMarked;
