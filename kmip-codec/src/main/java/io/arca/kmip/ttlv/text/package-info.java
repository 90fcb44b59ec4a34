/**
 * The KMIP XML and JSON encodings of TTLV (KMIP Profiles 2.1 §5.4 and §5.5; KMIP Additional Message
 * Encodings 1.0), both ways. They serve test vectors, tools and debugging; the server speaks
 * binary.
 */
@NullMarked
package io.arca.kmip.ttlv.text;

import org.jspecify.annotations.NullMarked;
