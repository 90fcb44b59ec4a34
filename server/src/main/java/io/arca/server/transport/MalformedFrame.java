package io.arca.server.transport;

import io.arca.kmip.ResultReason;

/**
 * What the frame decoder passes on instead of a frame when the bytes cannot be a KMIP request: the
 * dispatcher answers it once, when it can, and closes the connection. Nothing downstream ever sees
 * half a message.
 *
 * @param reason the Result Reason to answer with
 * @param message what was wrong, without any value from the input
 */
public record MalformedFrame(ResultReason reason, String message) {}
