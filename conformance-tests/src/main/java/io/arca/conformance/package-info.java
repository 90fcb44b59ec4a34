/** The OASIS KMIP test-case runner and end-to-end tests with real KMIP clients. */
@NullMarked
package io.arca.conformance;

import org.jspecify.annotations.NullMarked;
