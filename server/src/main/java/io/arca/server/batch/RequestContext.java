package io.arca.server.batch;

import io.arca.kmip.ProtocolVersion;
import java.time.Instant;

/**
 * What a handler knows about the batch item it serves: who asks, in which protocol version, at what
 * time (one instant for the whole message, as KMIP dates in one request should agree), and the
 * state shared across the items of one batch.
 *
 * @param user the user named by the client certificate
 * @param protocolVersion the version of the request, which the response must use too
 * @param now the time the message was received
 * @param batch the ID placeholder and undo log of this message's batch
 */
public record RequestContext(
    String user, ProtocolVersion protocolVersion, Instant now, BatchState batch) {}
