package io.arca.server.metrics;

import io.arca.hsm.HsmSlot;
import io.arca.persistence.Database;
import io.arca.persistence.JdbcObjectRepository;
import io.arca.server.audit.AuditWriter;
import io.arca.server.batch.AnsweredItems;
import io.arca.server.store.DatabaseStore;
import io.arca.server.tls.ServerTls;
import io.arca.server.transport.TransportEvents;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The server's meters, in one Prometheus registry: what the request path reports through its
 * observers ({@link #requests}, {@link #transport}, the HSM slots'), and gauges read when {@code
 * /metrics} is scraped (connections, key cache, database pool, audit backlog, certificate expiry),
 * which cost the request path nothing.
 */
public final class ServerMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RequestMetrics requests = new RequestMetrics(registry);
  private final TransportMetrics transport = new TransportMetrics(registry);

  /** Gauges hold their objects weakly: these keep them for as long as the metrics live. */
  private final List<Object> watched = new ArrayList<>();

  /** A registry with the request and transport meters and the JVM's own. */
  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Told of every answered batch item: {@code arca_requests_seconds}. */
  public AnsweredItems requests() {
    return requests;
  }

  /**
   * Told of handshakes and refusals: {@code arca_tls_handshakes_seconds}, {@code arca_refusals}.
   */
  public TransportEvents transport() {
    return transport;
  }

  /** The database pool in use and idle, and how many inserts each group commit takes. */
  public synchronized void watchDatabase(Database database, JdbcObjectRepository repository) {
    watched.add(database);
    Gauge.builder("arca.db.pool.connections", database, Database::connectionsInUse)
        .description("Database connections lent out now")
        .tag("state", "active")
        .register(registry);
    Gauge.builder("arca.db.pool.connections", database, Database::connectionsIdle)
        .description("Database connections lent out now")
        .tag("state", "idle")
        .register(registry);
    Gauge.builder("arca.db.pool.max", database, Database::maxConnections)
        .description("The most connections the database pool opens")
        .register(registry);
    DistributionSummary batches =
        DistributionSummary.builder("arca.db.group.commit.batch")
            .description("Object inserts per group commit (one transaction, one fsync)")
            .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
            .register(registry);
    repository.observeCommits(batches::record);
  }

  /** The key cache's hits, misses, evictions and size. */
  public synchronized void watchKeyCache(DatabaseStore store) {
    watched.add(store);
    FunctionCounter.builder("arca.key.cache.hits", store, s -> s.cacheStats().hitCount())
        .description("Key cache lookups that found the object")
        .register(registry);
    FunctionCounter.builder("arca.key.cache.misses", store, s -> s.cacheStats().missCount())
        .description("Key cache lookups that read the database")
        .register(registry);
    FunctionCounter.builder("arca.key.cache.evictions", store, s -> s.cacheStats().evictionCount())
        .description("Objects the key cache dropped for size or idleness (and wiped)")
        .register(registry);
    Gauge.builder("arca.key.cache.size", store, DatabaseStore::cachedObjects)
        .description("Objects in the key cache now")
        .register(registry);
  }

  /** Every call of these slots by kind, outcome and latency, and whether each is available. */
  public synchronized void watchHsm(List<HsmSlot> slots) {
    for (HsmSlot slot : slots) {
      watched.add(slot);
      slot.observeCalls(new HsmMetrics(registry, slot.id()));
      Gauge.builder("arca.hsm.slot.available", slot, s -> s.available() ? 1 : 0)
          .description("1 while the slot's token answers, 0 while it is lost")
          .tag("slot", Long.toString(slot.id()))
          .register(registry);
    }
  }

  /** Audit journal bytes not yet appended to the database's chain. */
  public synchronized void watchAudit(AuditWriter audit) {
    watched.add(audit);
    Gauge.builder("arca.audit.backlog", audit, AuditWriter::backlogBytes)
        .description("Audit journal bytes recorded but not yet in the database's chain")
        .baseUnit("bytes")
        .register(registry);
  }

  /** Connections open now and the days left until the server certificate expires. */
  public synchronized void watchServer(IntSupplier openConnections, ServerTls tls) {
    watched.add(openConnections);
    watched.add(tls);
    Gauge.builder("arca.connections.open", openConnections, IntSupplier::getAsInt)
        .description("KMIP connections open now, in their handshake or not")
        .register(registry);
    Gauge.builder("arca.tls.certificate.expiry.days", tls, ServerMetrics::daysLeft)
        .description("Days until the server certificate new handshakes present expires")
        .register(registry);
  }

  private static double daysLeft(ServerTls tls) {
    X509Certificate certificate = tls.serverCertificate();
    if (certificate == null) {
      return Double.NaN;
    }
    Duration left = Duration.between(Instant.now(), certificate.getNotAfter().toInstant());
    return left.toSeconds() / 86_400.0;
  }

  /** Every meter in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  /** Stops the JVM meters' background work. */
  public void close() {
    registry.close();
  }
}
