package io.arca.server;

import io.arca.hsm.HsmModule;
import io.arca.persistence.Database;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.JdbcKekRepository;
import io.arca.persistence.StoredKek;
import io.arca.server.config.KekCommand;
import io.arca.server.config.ServerConfig;
import io.arca.server.store.KekCheck;
import io.arca.server.store.KekRing;
import io.arca.server.store.KekRotation;
import io.arca.server.store.KekSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code arca-server [flags] kek status|rotate|retire}: the server KEKs of the database the flags
 * name, worked on beside the running servers. Every command first opens and checks the KEKs as a
 * starting server does, so it refuses the same mismatches.
 */
final class KekTool {
  private KekTool() {}

  /** Runs the command {@code command} is; returns the exit status. */
  static int run(Object command, ServerConfig config, PrintWriter out, PrintWriter err)
      throws IOException, InterruptedException {
    @Nullable HsmModule hsm = ServerStores.openHsmFor(config);
    try (Database database = Database.open(ServerStores.databaseConfig(config))) {
      JdbcKekRepository keks = new JdbcKekRepository(database);
      if (command instanceof KekCommand.Retire retire) {
        return retire(keks, retire.kekId(), out, err);
      }
      KekRing ring = ServerStores.openKeks(config, database, hsm);
      KekSource source = new KekSource(config.dataDir(), hsm, new SecureRandom());
      if (command instanceof KekCommand.Rotate rotate) {
        return rotate(keks, database, ring, source, rotate, out, err);
      }
      return status(keks, ring, out);
    } finally {
      if (hsm != null) {
        hsm.close();
      }
    }
  }

  private static int status(JdbcKekRepository keks, KekRing ring, PrintWriter out) {
    out.println("KEK | state | objects and audit keys it wraps | check value | made by, at");
    for (StoredKek kek : keks.all()) {
      String state =
          kek.current() ? "current" : kek.inUse() ? "previous" : "retired " + at(kek.retiredAt());
      out.println(
          kek.kekId()
              + " | "
              + state
              + (kek.inUse() && !ring.openIds().contains(kek.kekId()) ? " (cannot open here)" : "")
              + " | "
              + keks.countWrappedBy(kek.kekId())
              + " | "
              + KekCheck.fingerprint(kek.checkValue())
              + " | "
              + kek.madeBy()
              + ", "
              + at(kek.createdAt()));
    }
    out.flush();
    return 0;
  }

  private static int rotate(
      JdbcKekRepository keks,
      Database database,
      KekRing ring,
      KekSource source,
      KekCommand.Rotate rotate,
      PrintWriter out,
      PrintWriter err)
      throws IOException, InterruptedException {
    KekRotation rotation =
        new KekRotation(keks, new JdbcAuditRepository(database), ring, source, rotate.batchSize());
    long[] lastPercent = {-1};
    KekRotation.Result result =
        rotation.rotateTo(
            rotate.to(),
            (target, done, total) -> {
              long percent = total == 0 ? 100 : done * 100 / total;
              if (percent != lastPercent[0]) {
                lastPercent[0] = percent;
                out.println(
                    "kek rotate: "
                        + done
                        + " of "
                        + total
                        + " re-wrapped under "
                        + target
                        + " ("
                        + percent
                        + "%)");
                out.flush();
              }
            });
    if (result.remaining() > 0) {
      err.println(
          "arca-server kek rotate: "
              + result.remaining()
              + " rows are still under other KEKs (servers that cannot open "
              + result.target()
              + " keep writing under the old one: check 'kek status' and their logs); run it again");
      return 1;
    }
    out.println(
        "kek rotate: every object is under "
            + result.target()
            + "; retire the others with 'arca-server kek retire <KEK>'");
    out.flush();
    return 0;
  }

  private static int retire(
      JdbcKekRepository keks, String kekId, PrintWriter out, PrintWriter err) {
    StoredKek kek =
        keks.all().stream().filter(k -> k.kekId().equals(kekId)).findFirst().orElse(null);
    if (kek == null || !kek.inUse() || kek.current()) {
      err.println(
          "arca-server kek retire: "
              + kekId
              + (kek == null
                  ? " is not a KEK of this database"
                  : kek.current() ? " is the current KEK" : " is retired already"));
      return 1;
    }
    long wrapped = keks.retire(kekId, Instant.now().toEpochMilli());
    if (wrapped > 0) {
      err.println(
          "arca-server kek retire: "
              + kekId
              + " still wraps "
              + wrapped
              + " objects and audit keys; run 'arca-server kek rotate' to the current KEK first");
      return 1;
    }
    out.println(
        "kek retire: "
            + kekId
            + " is retired; servers no longer open it"
            + (io.arca.server.store.LocalKek.isLocalId(kekId)
                ? ", and its file may be deleted from each data directory"
                : ", and the HSM key may be destroyed once no backup needs it"));
    out.flush();
    return 0;
  }

  private static String at(@Nullable Long epochMillis) {
    return epochMillis == null ? "" : Instant.ofEpochMilli(epochMillis).toString();
  }
}
