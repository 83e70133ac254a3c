package io.loadgrid.testbed;

import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.process.Role;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./loadgrid target}: runs the target server until SIGTERM/SIGINT (or stdin EOF when asked to). */
@Command(
        name = "loadgrid target",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        version = "loadgrid target 0.1.0",
        description = "Start the httpbin-compatible HTTP/1.1 target server that load runs are aimed at.")
public final class TargetCli implements Callable<Integer> {

    private static final String PREFIX = "loadgrid target: ";

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--latency",
            paramLabel = "MS",
            defaultValue = "0",
            description = "Emulated latency added before every response, in ms (fractions allowed); "
                    + "a request's ?latency_ms= overrides it (default: ${DEFAULT-VALUE}).")
    double latencyMs;

    @Option(
            names = "--io-threads",
            paramLabel = "N",
            description = "Event-loop threads (default: number of processors; use 1 when pinned to one core).")
    Integer ioThreads;

    @Option(
            names = "--max-body",
            paramLabel = "BYTES",
            defaultValue = "1048576",
            description = "Largest request body accepted; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    int maxBody;

    @Option(
            names = "--exit-on-stdin-eof",
            description = "Exit when standard input reaches EOF, so the target dies with the process that started it.")
    boolean exitOnStdinEof;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    TargetCli(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public static void main(String[] args) {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // the sampling detector records a stack trace for 1 in 128 buffers: measurable at 100k req/s
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        int code = run(args, System.out, System.err, System.in);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        CommandLine cli = new CommandLine(new TargetCli(out, err, in));
        cli.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(PREFIX + e.getMessage() + " (see ./loadgrid target --help)");
            return ExitCode.BAD_INPUT.code();
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        TargetConfig cfg;
        try {
            TargetConfig d = TargetConfig.defaults();
            cfg = new TargetConfig(host, port, latencyMs, ioThreads == null ? d.ioThreads() : ioThreads, maxBody);
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + "invalid option: " + e.getMessage() + " (see ./loadgrid target --help)");
            return ExitCode.BAD_INPUT.code();
        }
        TargetServer server;
        try {
            server = TargetServer.start(cfg);
        } catch (UncheckedIOException e) {
            err.println(PREFIX + e.getCause().getMessage() + "; "
                    + bindAdvice(e.getCause().getMessage()));
            return ExitCode.BAD_INPUT.code();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "target-shutdown"));
        String shownHost = cfg.host().indexOf(':') >= 0 ? "[" + cfg.host() + "]" : cfg.host();
        out.println(Role.TARGET.readyLine("http://" + shownHost + ":" + server.port()));
        out.flush();
        if (exitOnStdinEof) {
            // a parent owns this target's lifetime: Ctrl-C at the terminal reaches the whole process group, and
            // the parent still needs the target to finish its in-flight requests and report its counters
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
            watchStdin(server);
        }
        server.awaitClose();
        return 0;
    }

    private static String bindAdvice(String problem) {
        String p = problem == null ? "" : problem.toLowerCase(java.util.Locale.ROOT);
        if (p.contains("in use")) {
            return "pick another --port (0 chooses a free one) or stop whatever holds it";
        }
        if (p.contains("permission") || p.contains("access")) {
            return "ports below 1024 need privileges: pick --port 1024 or above";
        }
        return "--host must be an address of this machine, e.g. 127.0.0.1 or 0.0.0.0";
    }

    private void watchStdin(TargetServer server) {
        Thread watcher = new Thread(
                () -> {
                    byte[] sink = new byte[256];
                    try {
                        while (in.read(sink) >= 0) {
                            // content is irrelevant: only EOF (the parent went away) matters
                        }
                    } catch (IOException e) {
                        // an unreadable stdin means the parent is gone as well
                    }
                    server.close();
                },
                "target-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
