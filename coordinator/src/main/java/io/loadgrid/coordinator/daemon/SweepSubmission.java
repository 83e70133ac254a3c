package io.loadgrid.coordinator.daemon;

import io.loadgrid.common.cli.BadInput;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.coordinator.export.MetricsOptions;
import io.loadgrid.coordinator.sweep.SweepOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code sweep --coordinator URL}: sends the plan (its text, since the coordinator may be on another host) to a
 * long-lived coordinator and relays what it prints until the sweep ends; the sweep's exit code becomes ours. Closing
 * this client (Ctrl-C) stops the sweep there as Ctrl-C would here.
 */
public record SweepSubmission(URI endpoint, SweepRequest request) {
    /** How long a coordinator that is still joining its cluster is waited for: its agents' join, with room. */
    static final long JOIN_WAIT_S = 120;

    public static SweepSubmission of(
            String url,
            String plan,
            Integer agents,
            Path out,
            String resume,
            String base,
            ClusterOptions cluster,
            MetricsOptions metrics)
            throws IOException {
        if (!cluster.join().isEmpty()) {
            throw new IllegalArgumentException(
                    "--coordinator hands the sweep to a coordinator that has its own cluster; drop --join");
        }
        if (out != null) {
            throw new IllegalArgumentException(
                    "--coordinator writes outputs under the coordinator's own --out; drop --out");
        }
        if (metrics.given()) {
            throw new IllegalArgumentException("--coordinator serves /metrics itself; drop the --metrics options");
        }
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url + "sweeps" : url + "/sweeps");
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "--coordinator '" + url + "' is not an http URL; give e.g. http://10.0.0.10:9470");
        }
        if (resume != null) {
            // a plan named beside --resume is refused by the coordinator's own checks, in their words
            return new SweepSubmission(uri, new SweepRequest(plan, null, agents, resume, base));
        }
        Path file = SweepOptions.locate(plan);
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            return new SweepSubmission(
                    uri, new SweepRequest(plan != null ? plan : file.toString(), source, agents, null, base));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such plan file; give a path or one of sweeps/*.yaml");
        }
    }

    public int send(PrintStream out, PrintStream err) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest post = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(request)))
                .build();
        HttpResponse<java.io.InputStream> response;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOIN_WAIT_S);
        boolean told = false;
        while (true) {
            try {
                response = client.send(post, HttpResponse.BodyHandlers.ofInputStream());
            } catch (ConnectException e) {
                return BadInput.report(
                        "sweep",
                        "no coordinator answers at " + endpoint.resolve("/") + "; start one with ./loadgrid"
                                + " coordinator or fix --coordinator / LOADGRID_COORDINATOR");
            }
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                break;
            }
            response.body().close();
            if (!told) {
                err.println("loadgrid sweep: " + SweepEndpoint.JOINING + "; waiting up to " + JOIN_WAIT_S + " s");
                told = true;
            }
            Thread.sleep(500);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                String why = in.lines().reduce("", (a, b) -> a + b);
                if (response.statusCode() == 400) {
                    return BadInput.report("sweep", why);
                }
                err.println("loadgrid sweep: the coordinator at " + endpoint.resolve("/") + " answered "
                        + response.statusCode() + ": " + why);
                return ExitCode.INCOMPLETE.code();
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(SweepRequest.EXIT)) {
                    return Integer.parseInt(
                            line.substring(SweepRequest.EXIT.length()).strip());
                }
                (line.startsWith(SweepRequest.ERR) ? err : out).println(line.substring(Math.min(2, line.length())));
            }
        }
        err.println("loadgrid sweep: the coordinator closed the connection before the sweep ended; see its log");
        return ExitCode.INCOMPLETE.code();
    }
}
