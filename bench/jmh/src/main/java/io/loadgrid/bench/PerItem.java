package io.loadgrid.bench;

import io.loadgrid.agent.feed.ChunkFeed;
import io.loadgrid.agent.feed.LocalBook;
import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.agent.metrics.ChunkLedger;
import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.SeedStream;
import io.loadgrid.common.workload.UrlTemplate;
import io.loadgrid.common.workload.Workload;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What loadgrid itself spends per item, outside the HTTP client, on one thread: the item's hand-out and its record
 * (the whole path, chunks rolling over and committing every 1,000 items), and each piece of it alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmn32m"})
public class PerItem {
    private static final int CHUNK = 1000;
    /** Latencies as a run sees them, µs: around a millisecond with a tail, cycled so no branch learns one value. */
    private final long[] latencies = new long[4096];

    private final SeedStream seed = new SeedStream("http://127.0.0.1:8080");
    private final UrlTemplate template = new UrlTemplate("http://127.0.0.1:8080/get?i={i}");
    private final UrlTemplate fixed = new UrlTemplate("http://127.0.0.1:8080/get");
    private final WireCounter wire = new WireCounter();
    private final Recorder recorder = new Recorder(1, Histograms.HIGHEST_US, Histograms.DIGITS);
    private Histogram growing;
    private PackedHistogram packed;
    private LiveTally tally;
    private ChunkFeed feed;
    private long index;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (long) (800 * Math.exp(r.nextGaussian() * 0.6));
        }
        RunSpec spec = new RunSpec(
                new ModelConfig.Async(),
                1,
                new Workload.Http("template", fixed, true),
                Long.MAX_VALUE / 4,
                null,
                null,
                null,
                0,
                Duration.ofSeconds(10),
                null,
                false);
        LocalBook book = new LocalBook(spec, CHUNK);
        ChunkLedger ledger = new ChunkLedger(book.layout(), book);
        tally = new LiveTally(wire, ledger);
        feed = new ChunkFeed(book, ledger, 1);
        feed.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        feed.stop();
    }

    private long latency() {
        return latencies[(int) (index++ & (latencies.length - 1))];
    }

    /** An item handed out and recorded as completed: what every model does per item besides its request. */
    @Benchmark
    public long handOutAndRecord() {
        long i;
        while ((i = feed.next()) < 0) {
            Thread.onSpinWait(); // the next chunk is being leased
        }
        long end = System.nanoTime();
        tally.started();
        tally.completed(i, end - latency() * 1000 - 50_000, end - latency() * 1000, end);
        return i;
    }

    /** A chunk tally's record: a histogram holding only its values' range, new every 1,000 items. */
    @Benchmark
    public void recordGrowing() {
        if ((index % CHUNK) == 0) {
            growing = Histograms.newGrowing();
        }
        growing.recordValue(latency());
    }

    /** The same with the packed histogram chunk tallies had before b10b23d. */
    @Benchmark
    public void recordPacked() {
        if ((index % CHUNK) == 0) {
            packed = new PackedHistogram(1, Histograms.HIGHEST_US, Histograms.DIGITS);
        }
        packed.recordValue(latency());
    }

    /** The live view's record: a Recorder, lock-free for any number of threads. */
    @Benchmark
    public void recordLive() {
        recorder.recordValue(latency());
    }

    @Benchmark
    public String seedUrl() {
        return seed.url(index++);
    }

    @Benchmark
    public String templateUrl() {
        return template.url(index++);
    }

    @Benchmark
    public String fixedUrl() {
        return fixed.url(index++);
    }

    /** One request's and its response's wire bytes counted. */
    @Benchmark
    public void countBytes() {
        wire.sent(134);
        wire.received(362);
    }
}
