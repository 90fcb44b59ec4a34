package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution's real {@code bin/arca-server} script (distribution/src/dist/bin), laid out as
 * the tarball lays it out: {@code runtime} is this JDK, {@code lib} holds this test's class path
 * and the class-path file the script reads. So the script, its flags and its exit codes are the
 * ones an operator runs, without building the tarball's jlink runtime.
 */
final class Launcher {
  static final long WAIT_SECONDS = 120;
  private static final Path SCRIPT =
      Path.of("..", "distribution", "src", "dist", "bin", "arca-server");

  private final Path script;

  private Launcher(Path script) {
    this.script = script;
  }

  /** Lays the distribution out in {@code dir}. */
  static Launcher in(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.createSymbolicLink(dir.resolve("runtime"), Path.of(System.getProperty("java.home")));
    List<String> names = new ArrayList<>();
    String[] entries = System.getProperty("java.class.path").split(java.io.File.pathSeparator, -1);
    for (int i = 0; i < entries.length; i++) {
      Path entry = Path.of(entries[i]).toAbsolutePath();
      String name = i + "-" + entry.getFileName();
      Files.createSymbolicLink(lib.resolve(name), entry);
      names.add(name);
    }
    Files.write(lib.resolve("arca-server.classpath"), names, StandardCharsets.UTF_8);
    Path script = bin.resolve("arca-server");
    Files.copy(SCRIPT, script);
    assertThat(Files.isExecutable(script)).as("%s is executable", SCRIPT).isTrue();
    return new Launcher(script);
  }

  /** Starts {@code bin/arca-server ARGS} with its output read line by line. */
  Running start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The production logging set-up, whose root level is the log-level setting.
    builder.environment().put("ARCA_JAVA_OPTS", "-Dlogback.configurationFile=logback.xml");
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("ARCA_") && !name.equals("ARCA_JAVA_OPTS"));
    return new Running(builder.start());
  }

  /** Runs {@code bin/arca-server ARGS} to its end; its exit status and output. */
  Finished run(List<String> args) throws IOException, InterruptedException {
    Running running = start(args);
    assertThat(running.process().waitFor(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("arca-server %s ended", args)
        .isTrue();
    running.drained();
    return new Finished(running.process().exitValue(), running.output());
  }

  /** A command's end. */
  record Finished(int exitCode, String output) {}

  /** A started process and what it printed so far. */
  static final class Running implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder seen = new StringBuilder();
    private final Thread reader;

    Running(Process process) {
      this.process = process;
      this.reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = out.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // The process ended.
                }
              },
              "launcher-output");
      reader.setDaemon(true);
      reader.start();
    }

    Process process() {
      return process;
    }

    /** The first line from now on that {@code pattern} finds, within the wait. */
    Matcher await(Pattern pattern) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line == null) {
          if (!process.isAlive() && lines.isEmpty()) {
            break;
          }
          continue;
        }
        seen.append(line).append('\n');
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
          return matcher;
        }
      }
      throw new AssertionError("no line matching " + pattern + " in:\n" + seen);
    }

    void drained() throws InterruptedException {
      reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      List<String> rest = new ArrayList<>();
      lines.drainTo(rest);
      rest.forEach(line -> seen.append(line).append('\n'));
    }

    String output() {
      return seen.toString();
    }

    /** SIGTERM, and waits for the process to end. */
    void stop() throws InterruptedException {
      process.destroy();
      assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("stopped").isTrue();
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        try {
          process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
