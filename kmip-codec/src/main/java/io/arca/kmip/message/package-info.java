/**
 * KMIP request and response messages: headers and batch items as records, with strict decoding from
 * and encoding to the TTLV tree (KMIP 1.4 §7, KMIP 2.1 §8-9). Payloads stay raw structures here;
 * the operation layer gives them types.
 */
@NullMarked
package io.arca.kmip.message;

import org.jspecify.annotations.NullMarked;
