package io.arca.server.batch;

import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.ResponseBatchItem;

/**
 * Told of every batch item the server answers, once, with how long it took: where the metrics and
 * the operators' logs hook into the request path without the batch rules knowing of either. Called
 * on the thread that ran the item (a worker or an event loop), so it must be cheap and must not
 * block or throw.
 */
@FunctionalInterface
public interface AnsweredItems {
  /** Observes nothing. */
  AnsweredItems NONE = (user, clientAddress, item, answer, nanos) -> {};

  /**
   * One batch item was answered.
   *
   * @param user the user the client certificate names
   * @param clientAddress where the request came from
   * @param item the request's batch item
   * @param answer what it was answered (before any later Undo of the batch)
   * @param nanos how long it ran
   */
  void answered(
      String user,
      String clientAddress,
      RequestBatchItem item,
      ResponseBatchItem answer,
      long nanos);

  /** This observer, then {@code next}. */
  default AnsweredItems andThen(AnsweredItems next) {
    return (user, clientAddress, item, answer, nanos) -> {
      answered(user, clientAddress, item, answer, nanos);
      next.answered(user, clientAddress, item, answer, nanos);
    };
  }
}
