package io.arca.server.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * State that crosses the items of one request message: the ID Placeholder (the Unique Identifier
 * the previous item produced, used by a later item that names none) and the undo log for Batch
 * Error Continuation Option Undo. Confined to the worker thread that runs the message.
 */
public final class BatchState {
  private @Nullable String idPlaceholder;
  private final Deque<Runnable> undoLog = new ArrayDeque<>();

  /** The ID Placeholder, or null when no earlier item produced an identifier. */
  public @Nullable String idPlaceholder() {
    return idPlaceholder;
  }

  /** Sets the ID Placeholder to the identifier this item produced. */
  public void setIdPlaceholder(String uniqueIdentifier) {
    this.idPlaceholder = uniqueIdentifier;
  }

  /**
   * Empties the ID Placeholder, so that later items naming no object fail (Locate, when it finds
   * other than exactly one object).
   */
  public void clearIdPlaceholder() {
    this.idPlaceholder = null;
  }

  /** Records how to reverse what the current item did, in case a later item fails under Undo. */
  public void onUndo(Runnable undo) {
    undoLog.push(undo);
  }

  /** Reverses every recorded change, newest first. */
  void undoAll() {
    while (!undoLog.isEmpty()) {
      undoLog.pop().run();
    }
  }
}
