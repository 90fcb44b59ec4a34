/**
 * KMIP request and response messages: headers and batch items as records, with strict decoding from
 * and encoding to the TTLV tree (KMIP 1.4 §7, KMIP 2.1 §8-9). Payloads stay raw structures here,
 * vendor tags included; the operation layer gives them types.
 *
 * <p>Decoding rules. Every refusal is a {@code TtlvException} with Invalid Message naming the field
 * and the tag path. A required field that is missing, a field of the wrong item type, a
 * non-repeatable field that repeats, and a field the structure does not define are refused; field
 * order inside a structure is not judged (only the header must come before the batch items). A
 * field newer than the header's protocol version (correlation values before 1.4, attestation and
 * Nonce before 1.2, Ephemeral and Server Hashed Password before 2.0) is refused. Batch Count must
 * equal the number of items, and with more than one item each needs a Unique Batch Item ID. The one
 * tolerance: a header whose version this codec does not know (say 3.0) may carry fields it cannot
 * judge, which are dropped, so that the server can still answer in a version both sides speak.
 *
 * <p>Encoding writes each structure in its version's field order and leaves out fields the version
 * does not define.
 */
@NullMarked
package io.arca.kmip.message;

import org.jspecify.annotations.NullMarked;
