package io.arca.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.hsm.HsmProfile;
import io.arca.kmip.message.RequestBounds;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerOptionsTest {
  @TempDir Path dir;

  private ServerConfig parse(Map<String, String> environment, String... args) throws Exception {
    ServerOptions options = new ServerOptions();
    ServerOptions.commandLine(options, args, environment).parseArgs(args);
    return options.toConfig();
  }

  @Test
  void privilegedUsersAndTheAuditFileAreAccessSettings() throws Exception {
    assertThat(parse(Map.of()).access()).isEqualTo(ServerConfig.Access.DEFAULTS);
    ServerConfig config =
        parse(Map.of(), "--privileged-users", "alice,bob", "--audit-file", "/var/log/audit.log");
    assertThat(config.access().privilegedUsers()).containsExactlyInAnyOrder("alice", "bob");
    assertThat(config.access().auditFile()).isEqualTo(Path.of("/var/log/audit.log"));
    assertThatThrownBy(() -> parse(Map.of(), "--privileged-users", "*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theAdminListenerIsOnLoopbackByDefaultAndSetFromEveryLayer() throws Exception {
    Observability defaults = parse(Map.of()).observability();
    assertThat(defaults.adminBind())
        .isEqualTo(InetSocketAddress.createUnresolved("127.0.0.1", 9696));
    assertThat(defaults.logFormat()).isEqualTo(Observability.LogFormat.TEXT);
    assertThat(defaults.accessLog()).isFalse();
    assertThat(parse(Map.of(), "--admin-bind", "off").observability().adminBind()).isNull();
    assertThat(parse(Map.of("ARCA_ADMIN_BIND", "[::1]:9000")).observability().adminBind())
        .isEqualTo(InetSocketAddress.createUnresolved("::1", 9000));
    Path toml = dir.resolve("admin.toml");
    Files.writeString(
        toml,
        """
        log-format = "json"
        access-log = true
        [admin]
        bind = "0.0.0.0:9100"
        """);
    Observability fromFile = parse(Map.of(), "--config", toml.toString()).observability();
    assertThat(fromFile.adminBind()).isEqualTo(InetSocketAddress.createUnresolved("0.0.0.0", 9100));
    assertThat(fromFile.logFormat()).isEqualTo(Observability.LogFormat.JSON);
    assertThat(fromFile.accessLog()).isTrue();
    assertThatThrownBy(() -> parse(Map.of(), "--admin-bind", "9696"))
        .hasMessageContaining("admin-bind: 9696 (expected: host:port");
    assertThatThrownBy(() -> parse(Map.of(), "--log-format", "xml"))
        .hasMessageContaining("log-format: xml (expected: text or json)");
    assertThatThrownBy(() -> parse(Map.of("ARCA_ADMIN_BIN", "off")))
        .hasMessageContaining("did you mean ARCA_ADMIN_BIND?");
  }

  @Test
  void theHttpsPortIsOffByDefaultAndSetFromEveryLayer() throws Exception {
    assertThat(parse(Map.of()).httpsBind()).isNull();
    assertThat(parse(Map.of()).servesHttps()).isFalse();
    assertThat(parse(Map.of(), "--https-bind", "0.0.0.0:5697").httpsBind())
        .isEqualTo(InetSocketAddress.createUnresolved("0.0.0.0", 5697));
    assertThat(parse(Map.of("ARCA_HTTPS_BIND", "127.0.0.1:8443")).servesHttps()).isTrue();
    assertThat(parse(Map.of("ARCA_HTTPS_BIND", "off")).httpsBind()).isNull();
    assertThatThrownBy(() -> parse(Map.of(), "--https-bind", "5697"))
        .hasMessageContaining("https-bind: 5697 (expected: host:port");
  }

  @Test
  void auditVerifyIsASubcommand() throws Exception {
    ServerOptions options = new ServerOptions();
    String[] args = {"--data-dir", dir.toString(), "audit", "verify"};
    var parsed = ServerOptions.commandLine(options, args, Map.of()).parseArgs(args);
    assertThat(parsed.subcommand()).isNotNull();
    assertThat(parsed.subcommand().subcommand().commandSpec().name()).isEqualTo("verify");
    assertThat(options.toConfig().dataDir()).isEqualTo(dir);
  }

  @Test
  void auditShowTakesItsSelection() throws Exception {
    String[] args = {"audit", "show", "--user", "bob", "--object", "k-1", "--json"};
    var parsed = ServerOptions.commandLine(new ServerOptions(), args, Map.of()).parseArgs(args);
    Object show = parsed.subcommand().subcommand().commandSpec().userObject();
    assertThat(show).isInstanceOf(AuditCommand.Show.class);
    assertThat(((AuditCommand.Show) show).json()).isTrue();
    assertThat(((AuditCommand.Show) show).object()).isEqualTo("k-1");
  }

  @Test
  void withNothingSetTheServerListensOnLoopbackInDevelopmentMode() throws Exception {
    ServerConfig config = parse(Map.of());

    assertThat(config.bind()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(5696);
    assertThat(config.developmentMode()).isTrue();
    assertThat(config.identityFrom()).isEqualTo(IdentitySource.CN);
    assertThat(config.limits().maxMessageBytes()).isEqualTo(1 << 20);
  }

  @Test
  void flagsWinOverEnvironmentWhichWinsOverToml() throws Exception {
    Path toml = dir.resolve("arca.toml");
    Files.writeString(
        toml,
        """
        port = 7000
        bind = "0.0.0.0"
        worker-threads = 5
        [tls]
        cert = "s.crt"
        key = "s.key"
        client-ca = "ca.crt"
        """);

    ServerConfig config =
        parse(
            Map.of("ARCA_PORT", "7001", "ARCA_WORKER_THREADS", "6"),
            "--config",
            toml.toString(),
            "--port",
            "7002");

    assertThat(config.port()).isEqualTo(7002);
    assertThat(config.workerThreads()).isEqualTo(6);
    assertThat(config.bind()).isEqualTo("0.0.0.0");
    assertThat(config.tls())
        .isEqualTo(
            new ServerConfig.Tls(Path.of("s.crt"), Path.of("s.key"), Path.of("ca.crt"), null));
  }

  @Test
  void requestBoundsComeFromFlagsEnvironmentAndToml() throws Exception {
    assertThat(parse(Map.of()).requestBounds()).isEqualTo(RequestBounds.DEFAULTS);
    Path toml = dir.resolve("bounds.toml");
    Files.writeString(toml, "max-attribute-bytes = 8192\nmax-batch-item-bytes = 65536\n");

    ServerConfig config =
        parse(
            Map.of("ARCA_MAX_BATCH_ITEMS", "8"),
            "--config",
            toml.toString(),
            "--max-text-bytes",
            "2048");

    assertThat(config.requestBounds()).isEqualTo(new RequestBounds(2048, 8192, 8, 65_536));
    assertThatThrownBy(() -> parse(Map.of(), "--max-batch-items", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBatchItems: 0");
  }

  @Test
  void namesAreUniquePerOwnerUnlessTheFlagTheVariableOrTheTomlKeyLetsThemRepeat() throws Exception {
    assertThat(parse(Map.of()).access().namesMayRepeat()).isFalse();
    assertThat(parse(Map.of(), "--allow-duplicate-names").access().namesMayRepeat()).isTrue();
    assertThat(parse(Map.of("ARCA_ALLOW_DUPLICATE_NAMES", "true")).access().namesMayRepeat())
        .isTrue();
    Path toml = dir.resolve("arca.toml");
    Files.writeString(toml, "allow-duplicate-names = true\n");
    assertThat(parse(Map.of(), "--config", toml.toString()).access().namesMayRepeat()).isTrue();
  }

  @Test
  void configFileCanComeFromTheEnvironment() throws Exception {
    Path toml = dir.resolve("arca.toml");
    Files.writeString(toml, "idle-timeout = \"PT30S\"\nidentity-from = \"san-email\"\n");

    ServerConfig config = parse(Map.of("ARCA_CONFIG", toml.toString()));

    assertThat(config.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.identityFrom()).isEqualTo(IdentitySource.SAN_EMAIL);
  }

  @Test
  void connectionLimitsComeFromFlagsEnvironmentAndToml() throws Exception {
    ServerConfig.Limits defaults = parse(Map.of()).limits();
    assertThat(defaults.maxConnections()).isEqualTo(1024);
    assertThat(defaults.maxConnectionsPerAddress()).isEqualTo(256);
    assertThat(defaults.reservedConnections()).isEqualTo(128);
    assertThat(defaults.handshakeShare()).isEqualTo(896);
    assertThat(defaults.busyHandshakeTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.refusalLogInterval()).isEqualTo(Duration.ofSeconds(10));

    Path toml = dir.resolve("limits.toml");
    Files.writeString(toml, "request-timeout = \"PT5S\"\n[reserved]\nconnections = 64\n");
    ServerConfig.Limits limits =
        parse(
                Map.of("ARCA_MAX_CONNECTIONS_PER_ADDRESS", "16"),
                "--config",
                toml.toString(),
                "--busy-handshake-timeout",
                "PT0.5S",
                "--refusal-log-interval",
                "PT1M")
            .limits();
    assertThat(limits.maxConnectionsPerAddress()).isEqualTo(16);
    assertThat(limits.reservedConnections()).isEqualTo(64);
    assertThat(limits.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(limits.busyHandshakeTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(limits.refusalLogInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void connectionLimitsThatCannotWorkAreRefused() {
    assertThatThrownBy(
            () -> parse(Map.of(), "--max-connections", "64", "--reserved-connections", "64"))
        .hasMessageContaining("reserved-connections: 64");
    assertThatThrownBy(() -> parse(Map.of(), "--max-connections-per-address", "0"))
        .hasMessageContaining("max-connections-per-address");
    assertThatThrownBy(() -> parse(Map.of(), "--busy-handshake-timeout", "PT1M"))
        .hasMessageContaining("busy-handshake-timeout");
    assertThatThrownBy(() -> parse(Map.of(), "--request-timeout", "PT0S"))
        .hasMessageContaining("request-timeout");
  }

  @Test
  void helpListsTheConnectionLimits() throws Exception {
    ServerOptions options = new ServerOptions();
    String usage = ServerOptions.commandLine(options, new String[0], Map.of()).getUsageMessage();
    assertThat(usage)
        .contains(
            "--max-connections-per-address",
            "--reserved-connections",
            "--busy-handshake-timeout",
            "--request-timeout",
            "--refusal-log-interval");
  }

  @Test
  void halfConfiguredTlsIsRefused() {
    assertThatThrownBy(() -> parse(Map.of(), "--tls-cert", "server.crt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-client-ca");
  }

  @Test
  void brokenTomlIsRefusedWithTheFileName() throws Exception {
    Path toml = dir.resolve("broken.toml");
    Files.writeString(toml, "port = = 1\n");

    assertThatThrownBy(() -> parse(Map.of(), "--config", toml.toString()))
        .hasMessageContaining("broken.toml");
  }

  @Test
  void storageDefaultsToTheEmbeddedDatabaseAndTheLocalKek() throws Exception {
    ServerConfig.Storage storage = parse(Map.of()).storage();

    assertThat(storage.databaseUrl()).isNull();
    assertThat(storage.kekId()).isNull();
    assertThat(storage.keyCacheRecheck()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void mariadbSettingsComeFromFlagsAndThePasswordFromItsFile() throws Exception {
    Path secret = dir.resolve("db-password");
    Files.writeString(secret, "s3cr\u00e9t\nignored second line\n");

    ServerConfig.Storage storage =
        parse(
                Map.of("ARCA_DATABASE_USER", "arca"),
                "--database-url",
                "jdbc:mariadb://db:3306/arca",
                "--database-password-file",
                secret.toString(),
                "--key-cache-entries",
                "5")
            .storage();

    assertThat(storage.databaseUrl()).isEqualTo("jdbc:mariadb://db:3306/arca");
    assertThat(storage.databaseUser()).isEqualTo("arca");
    Password password = java.util.Objects.requireNonNull(storage.databasePassword());
    assertThat(new String(password.toCharArray())).isEqualTo("s3cr\u00e9t");
    assertThat(password.toString()).doesNotContain("s3cr");
    assertThat(storage.keyCacheEntries()).isEqualTo(5);
  }

  @Test
  void databaseSettingsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> parse(Map.of(), "--database-url", "jdbc:postgresql://db/arca"))
        .hasMessageContaining("jdbc:mariadb:");
    assertThatThrownBy(() -> parse(Map.of(), "--database-url", "jdbc:mariadb://db/arca"))
        .hasMessageContaining("database-user");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(),
                    "--database-url",
                    "jdbc:mariadb://db/arca",
                    "--database-user",
                    "arca",
                    "--database-password-file",
                    dir.resolve("missing").toString()))
        .hasMessageContaining("missing");
  }

  private static char[] pin(HsmSettings hsm, long slot) {
    return java.util.Objects.requireNonNull(hsm.slotPasswords().get(slot), "slot " + slot)
        .toCharArray();
  }

  @Test
  void withoutHsmModelThereIsNoHsm() throws Exception {
    assertThat(parse(Map.of()).hsm()).isNull();
    assertThatThrownBy(() -> parse(Map.of(), "--hsm-slot", "1", "--hsm-password", "p"))
        .hasMessageContaining("--hsm-model");
  }

  @Test
  void hsmSlotsPairWithTheirPasswordsInOrderAndTheLibraryHasItsModelsDefault() throws Exception {
    HsmSettings hsm =
        java.util.Objects.requireNonNull(
            parse(
                    Map.of(),
                    "--hsm-model",
                    "softhsm2",
                    "--hsm-admin",
                    "alice",
                    "--hsm-slot",
                    "7",
                    "--hsm-password",
                    "seven",
                    "--hsm-slot",
                    "3",
                    "--hsm-password",
                    "three")
                .hsm());

    assertThat(hsm.profile().name()).isEqualTo("softhsm2");
    assertThat(hsm.library()).isEqualTo(Path.of("/usr/lib/softhsm/libsofthsm2.so"));
    assertThat(hsm.admin()).isEqualTo("alice");
    assertThat(hsm.slotPasswords().keySet()).containsExactly(7L, 3L);
    assertThat(new String(pin(hsm, 3L))).isEqualTo("three");
    assertThat(hsm.toString()).doesNotContain("seven").doesNotContain("three");
    hsm.wipePasswords();
    assertThat(pin(hsm, 7L)).containsOnly('\0');
  }

  @Test
  void theHsmSectionOfTheTomlFileGivesSlotsAndPasswordFiles() throws Exception {
    Path one = dir.resolve("pin1");
    Path two = dir.resolve("pin2");
    Files.writeString(one, "1111\n");
    Files.writeString(two, "2222\n");
    Path toml = dir.resolve("arca.toml");
    Files.writeString(
        toml,
        """
        [hsm]
        model = "proteccio"
        admin = "hsm-admin"
        slot = [1, 2]
        password-file = ["%s", "%s"]
        """
            .formatted(one, two));

    HsmSettings hsm =
        java.util.Objects.requireNonNull(parse(Map.of(), "--config", toml.toString()).hsm());

    assertThat(hsm.library()).isEqualTo(Path.of("/lib/libnethsm.so"));
    assertThat(hsm.admin()).isEqualTo("hsm-admin");
    assertThat(hsm.slotPasswords().keySet()).containsExactly(1L, 2L);
    assertThat(new String(pin(hsm, 2L))).isEqualTo("2222");
  }

  @Test
  void opencryptokiModelFindsDebiansLibraryAndItsProfile() throws Exception {
    HsmSettings hsm =
        java.util.Objects.requireNonNull(
            parse(
                    Map.of(),
                    "--hsm-model",
                    "opencryptoki",
                    "--hsm-admin",
                    "admin",
                    "--hsm-slot",
                    "41",
                    "--hsm-password",
                    "1234")
                .hsm());

    assertThat(hsm.profile()).isEqualTo(HsmProfile.OPENCRYPTOKI);
    assertThat(hsm.library())
        .isEqualTo(Path.of("/usr/lib/x86_64-linux-gnu/opencryptoki/libopencryptoki.so.0"));
  }

  @Test
  void hsmSettingsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> parse(Map.of(), "--hsm-model", "thales"))
        .hasMessageContaining("proteccio, softhsm2, opencryptoki, utimaco or pkcs11");
    assertThatThrownBy(
            () -> parse(Map.of(), "--hsm-model", "utimaco", "--hsm-admin", "a", "--hsm-slot", "1"))
        .hasMessageContaining("--hsm-library");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(), "--hsm-model", "softhsm2", "--hsm-slot", "1", "--hsm-password", "p"))
        .hasMessageContaining("--hsm-admin");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(),
                    "--hsm-model",
                    "softhsm2",
                    "--hsm-admin",
                    "a",
                    "--hsm-slot",
                    "1,2",
                    "--hsm-password",
                    "p"))
        .hasMessageContaining("2 slot(s) and 1 password(s)");
  }

  @Test
  void aMisspeltTomlKeyStopsTheServerAndNamesTheKeyMeant() throws Exception {
    Path toml = dir.resolve("arca.toml");
    Files.writeString(toml, "bind = \"0.0.0.0\"\nprot = 18005\n");

    assertThatThrownBy(() -> parse(Map.of(), "--config", toml.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(toml + " line 2: prot (did you mean port?)");
  }

  @Test
  void aTableKeyIsKnownOnlyAsTheOptionItSpellsAtItsFirstDash() throws Exception {
    Path good = dir.resolve("good.toml");
    Files.writeString(good, "[audit]\njournal-max-mb = 64\n[database]\npool-size = 4\n");
    assertThat(parse(Map.of(), "--config", good.toString()).storage().databasePoolSize())
        .isEqualTo(4);

    Path typo = dir.resolve("typo.toml");
    Files.writeString(typo, "[tls]\ncrt = \"s.crt\"\n");
    assertThatThrownBy(() -> parse(Map.of(), "--config", typo.toString()))
        .hasMessageContaining("line 2: [tls] crt (did you mean tls-cert?)");

    Path split = dir.resolve("split.toml");
    Files.writeString(split, "[audit-journal]\nmax-mb = 64\n"); // not how the option is read
    assertThatThrownBy(() -> parse(Map.of(), "--config", split.toString()))
        .hasMessageContaining("[audit-journal] max-mb");

    Path nested = dir.resolve("nested.toml");
    Files.writeString(nested, "[tls.cert]\npath = \"s.crt\"\n");
    assertThatThrownBy(() -> parse(Map.of(), "--config", nested.toString()))
        .hasMessageContaining("[tls] cert");
  }

  @Test
  void onlyTheCommandLineNamesTheFileOrAsksForACheck() throws Exception {
    Path toml = dir.resolve("arca.toml");
    Files.writeString(toml, "config = \"other.toml\"\ncheck-config = true\n");

    assertThatThrownBy(() -> parse(Map.of(), "--config", toml.toString()))
        .hasMessageContaining("line 1: config")
        .hasMessageContaining("line 2: check-config");
    assertThatThrownBy(() -> parse(Map.of("ARCA_CHECK_CONFIG", "true")))
        .hasMessageContaining("unknown environment variable ARCA_CHECK_CONFIG");
  }

  @Test
  void anUnknownArcaVariableStopsTheServerButTheScriptsVariablesPass() throws Exception {
    assertThatThrownBy(() -> parse(Map.of("ARCA_TLS_CRT", "s.crt", "ARCA_PROT", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown environment variable ARCA_PROT (did you mean ARCA_PORT?)")
        .hasMessageContaining("ARCA_TLS_CRT (did you mean ARCA_TLS_CERT?)");

    ServerConfig config =
        parse(
            Map.of(
                "ARCA_JAVA_OPTS", "-Xmx1g",
                "ARCA_CONF", "client.toml",
                "ARCA_PORT", "7003",
                "ARCANE", "not ours"));
    assertThat(config.port()).isEqualTo(7003);
  }

  @Test
  void settingsThatWouldBeIgnoredAreRefused() {
    assertThatThrownBy(() -> parse(Map.of(), "--tls-key-password", "secret"))
        .hasMessageContaining("--tls-key-password needs --tls-cert");
    assertThatThrownBy(() -> parse(Map.of(), "--database-user", "arca"))
        .hasMessageContaining("need --database-url");
  }

  @Test
  void editDistance() {
    assertThat(KnownSettings.distance("prot", "port")).isEqualTo(2);
    assertThat(KnownSettings.distance("tls-crt", "tls-cert")).isEqualTo(1);
    assertThat(KnownSettings.distance("", "abc")).isEqualTo(3);
    assertThat(KnownSettings.distance("same", "same")).isZero();
  }
}
