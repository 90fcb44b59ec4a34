package io.arca.bench;

import io.arca.client.ClientConfig;
import io.arca.client.KmipClient;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.op.ObjectAccess;
import io.arca.server.store.ObjectRecord;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Whether a stranger can tell a hidden object (it exists, the caller holds no right on it) from a
 * missing one by the time Get takes to answer Object Not Found. Starts a server on the embedded
 * database in a temporary directory, stores an object owned by someone else, then sends Gets over
 * one mutual-TLS connection, alternating hidden and missing (a fresh identifier each time), and
 * prints the medians. {@code java -cp benchmarks/target/benchmarks.jar io.arca.bench.NotFoundTiming
 * --pairs 1500}.
 */
@Command(name = "not-found-timing", mixinStandardHelpOptions = true)
public final class NotFoundTiming implements Callable<Integer> {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pairs", defaultValue = "1500", description = "Measured hidden/missing pairs.")
  int pairs = 1500;

  @Option(names = "--warmup", defaultValue = "500", description = "Pairs sent first, not measured.")
  int warmup = 500;

  /** Runs the measurement; exits 1 when an answer was not Object Not Found. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new NotFoundTiming()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("arca-not-found");
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls =
        new ServerConfig.Tls(pki.serverCertificate(), pki.serverKey(), pki.caCertificate(), null);
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            dir,
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(8, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            2,
            "warn",
            false,
            ServerConfig.Storage.EMBEDDED);
    try (Arca server = Arca.start(config, TlsContexts.server(tls));
        KmipClient client =
            KmipClient.create(
                new ClientConfig(
                    "127.0.0.1",
                    server.port(),
                    pki.caCertificate(),
                    pki.adminCertificate(),
                    pki.adminKey(),
                    null,
                    null),
                1)) {
      String hidden = ObjectAccess.newUid();
      server
          .objects()
          .create(
              ObjectRecord.draft(
                  hidden,
                  ObjectType.OPAQUE_OBJECT,
                  State.ACTIVE,
                  "someone-else",
                  Attributes.EMPTY,
                  null,
                  Instant.now()),
              TtlvStructure.of(
                  Tag.OPAQUE_OBJECT.code(),
                  TtlvByteString.of(Tag.OPAQUE_DATA_VALUE.code(), new byte[16])));
      long[] hiddenNanos = new long[pairs];
      long[] missingNanos = new long[pairs];
      int errors = 0;
      for (int i = -warmup; i < pairs; i++) {
        // Alternate which goes first, so that neither always follows the other.
        boolean hiddenFirst = (i & 1) == 0;
        long first = timedGet(client, hiddenFirst ? hidden : ObjectAccess.newUid());
        long second = timedGet(client, hiddenFirst ? ObjectAccess.newUid() : hidden);
        if (first < 0 || second < 0) {
          errors++;
        }
        if (i >= 0) {
          hiddenNanos[i] = Math.abs(hiddenFirst ? first : second);
          missingNanos[i] = Math.abs(hiddenFirst ? second : first);
        }
      }
      double hiddenMedian = percentile(hiddenNanos, 50);
      double missingMedian = percentile(missingNanos, 50);
      out.printf(Locale.ROOT, "%d pairs after %d warm-up pairs, one connection%n", pairs, warmup);
      print(out, "hidden ", hiddenNanos);
      print(out, "missing", missingNanos);
      out.printf(
          Locale.ROOT,
          "median difference %.1f%% of the missing median, errors %d%n",
          100 * (hiddenMedian - missingMedian) / missingMedian,
          errors);
      out.flush();
      return errors == 0 ? 0 : 1;
    }
  }

  /** The round trip of one Get in nanoseconds, negative if the answer was not Object Not Found. */
  private static long timedGet(KmipClient client, String uid) throws IOException {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(
                RequestBatchItem.of(
                    Operation.GET.value(),
                    new Get.Request(uid, null, null, null, null).encode(V))));
    long started = System.nanoTime();
    ResponseBatchItem answer = client.send(request).batchItems().get(0);
    long nanos = System.nanoTime() - started;
    Integer reason = answer.resultReason();
    return reason != null && reason == ResultReason.OBJECT_NOT_FOUND.value() ? nanos : -nanos;
  }

  private static void print(PrintWriter out, String label, long[] nanos) {
    out.printf(
        Locale.ROOT,
        "%s  p10 %6.1f us  median %6.1f us  p90 %6.1f us%n",
        label,
        percentile(nanos, 10) / 1000,
        percentile(nanos, 50) / 1000,
        percentile(nanos, 90) / 1000);
  }

  private static double percentile(long[] nanos, int percent) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
  }
}
