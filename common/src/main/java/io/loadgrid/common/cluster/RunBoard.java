package io.loadgrid.common.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.metrics.ChunkResult;
import io.loadgrid.common.metrics.NodeReport;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.security.SignedPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * The Hazelcast structures of one run, typed: the coordinator and the agents read and write a run's plan, chunk book,
 * control, statuses, snapshots, chunk results and reports only through here. Records travel as JSON of the types in
 * {@code common} (one codec, {@link Json}, in this one place), so members read them alike whatever their version of
 * the classes. The chunk book is the exception: it is kept as an object where it lives ({@link ChunkBook}).
 */
public final class RunBoard {
    private final HazelcastInstance hz;
    private final String runId;

    public RunBoard(HazelcastInstance hz, String runId) {
        this.hz = hz;
        this.runId = runId;
    }

    /** Calls {@code onPlan} with every run published from now on (on Hazelcast's event thread: hand it off). */
    public static UUID onPlans(HazelcastInstance hz, BiConsumer<String, String> onPlan) {
        return hz.<String, String>getMap(ClusterNames.PLANS)
                .addEntryListener(
                        (EntryAddedListener<String, String>) e -> onPlan.accept(e.getKey(), e.getValue()), true);
    }

    /** A published plan as {@link #onPlans} hands it over. */
    public static SignedPlan plan(String published) {
        return Json.read(published, SignedPlan.class);
    }

    public void publish(SignedPlan plan) {
        hz.<String, String>getMap(ClusterNames.PLANS).set(runId, Json.write(plan));
    }

    // ---- the chunk book: every change one entry processor where it lives

    public void openBook(ChunkBook book) {
        books().set(runId, book);
    }

    /** The next chunk id for {@code agent}, or {@link ChunkBook#LATER} or {@link ChunkBook#DONE}. */
    public long lease(String agent) {
        return (Long) books().executeOnKey(runId, BookOp.lease(agent));
    }

    public void committed(String agent, long chunk) {
        books().executeOnKey(runId, BookOp.committed(agent, chunk));
    }

    public void giveBack(String agent, long chunk) {
        books().executeOnKey(runId, BookOp.giveBack(agent, chunk));
    }

    /** {@code agent} is lost: its leased chunks go to the others. Returns them. */
    @SuppressWarnings("unchecked")
    public List<Long> release(String agent) {
        return (List<Long>) books().executeOnKey(runId, BookOp.release(agent));
    }

    public void stopBook() {
        books().executeOnKey(runId, BookOp.stop());
    }

    // ---- results: each chunk's written once

    /** Stores {@code result} unless its chunk has one; returns the one stored first, or null when this is it. */
    public ChunkResult commit(ChunkResult result) {
        String first = chunks().putIfAbsent(result.chunk(), Json.write(result));
        return first == null ? null : Json.read(first, ChunkResult.class);
    }

    public List<ChunkResult> results() {
        List<ChunkResult> out = new ArrayList<>();
        chunks().values().forEach(v -> out.add(Json.read(v, ChunkResult.class)));
        return out;
    }

    // ---- control, written by the coordinator only

    public void control(RunControl control) {
        controls().set(runId, Json.write(control));
    }

    /** The run's control entry, or null once the coordinator removed it; a read slower than {@code millis} throws. */
    public RunControl control(long millis) throws InterruptedException, ExecutionException, TimeoutException {
        String json = controls().getAsync(runId).toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
        return json == null ? null : Json.read(json, RunControl.class);
    }

    // ---- each agent's status and final report

    public void status(String agent, AgentStatus status) {
        statuses().set(ClusterNames.key(runId, agent), Json.write(status));
    }

    public AgentStatus status(String agent) {
        String s = statuses().get(ClusterNames.key(runId, agent));
        return s == null ? null : Json.read(s, AgentStatus.class);
    }

    public void report(String agent, NodeReport report) {
        reports().set(ClusterNames.key(runId, agent), Json.write(report));
    }

    public NodeReport report(String agent) {
        String r = reports().get(ClusterNames.key(runId, agent));
        return r == null ? null : Json.read(r, NodeReport.class);
    }

    public boolean reported(String agent) {
        return reports().containsKey(ClusterNames.key(runId, agent));
    }

    // ---- the agents' 1 Hz snapshots

    public boolean offer(NodeSnapshot snapshot) {
        return hz.<String>getQueue(ClusterNames.snapshots(runId)).offer(Json.write(snapshot));
    }

    /** Moves every snapshot waiting into {@code into}; returns how many. */
    public int drain(List<NodeSnapshot> into) {
        List<String> batch = new ArrayList<>();
        hz.<String>getQueue(ClusterNames.snapshots(runId)).drainTo(batch);
        batch.forEach(json -> into.add(Json.read(json, NodeSnapshot.class)));
        return batch.size();
    }

    /** Removes everything of the run from the cluster. */
    public void clear(Collection<String> agents) {
        hz.getMap(ClusterNames.PLANS).delete(runId);
        books().delete(runId);
        controls().delete(runId);
        for (String agent : agents) {
            statuses().delete(ClusterNames.key(runId, agent));
            reports().delete(ClusterNames.key(runId, agent));
        }
        chunks().destroy();
        hz.getQueue(ClusterNames.snapshots(runId)).destroy();
    }

    private IMap<String, ChunkBook> books() {
        return hz.getMap(ClusterNames.BOOKS);
    }

    private IMap<Long, String> chunks() {
        return hz.getMap(ClusterNames.chunks(runId));
    }

    private IMap<String, String> controls() {
        return hz.getMap(ClusterNames.CONTROL);
    }

    private IMap<String, String> statuses() {
        return hz.getMap(ClusterNames.STATUS);
    }

    private IMap<String, String> reports() {
        return hz.getMap(ClusterNames.REPORTS);
    }
}
