package io.loadgrid.common.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.Split;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which chunks of a run are free, leased (and to whom) or finished. One book per run, stored as one map entry and
 * changed only by {@link BookOp} on its partition thread, so every lease, commit and release is atomic.
 * <p>
 * Chunks are handed out by lane: chunk {@code id} belongs to lane {@code id % lanes}, and a lane's chunks go out in
 * order. A dynamic closed loop has one lane shared by everyone (whoever asks takes the next chunk, so a faster agent
 * takes more). A static split gives agent k of K its own lane. With a rate every sending process owns a lane of the
 * schedule (an agent owns as many consecutive lanes as it has senders), for either split; a dynamic split then also
 * lets an agent take the next chunk of a lane whose owner has fallen at least {@value #STEAL_LAG} groups behind it.
 * <p>
 * The book is kept as an object where it lives (the map's in-memory format is OBJECT, {@code MemberConfig}), so an
 * operation changes it in place: a lease costs the same whatever the number of chunks. It is serialized only to copy
 * it to its backup or to another member.
 */
public final class ChunkBook implements DataSerializable {
    /** Answers of {@link #lease}: a chunk id, or one of these (the same words and values as {@code Items}'). */
    public static final long DONE = -1;
    /** Nothing now, but more may come: others could still hand work back. */
    public static final long LATER = -2;
    /** Groups a lane's owner may be behind the asker before a dynamic split hands its next chunk to the asker. */
    static final int STEAL_LAG = 3;

    /** How many chunks the run has, or -1 for an unbounded one. */
    public long chunks;

    public List<String> agents = new ArrayList<>();
    public int lanes = 1;
    /** Whether every agent may take from every lane (a dynamic split). */
    public boolean dynamic;
    /** Each lane's next group: its next fresh chunk is {@code laneNext[l] * lanes + l}. */
    public long[] laneNext = new long[1];
    /** Chunks of lost agents or handed back, to be run again. */
    public Deque<Long> returned = new ArrayDeque<>();

    public Map<Long, String> leases = new TreeMap<>();
    public Set<String> lost = new HashSet<>();
    public boolean stopped;
    public long released;

    public static ChunkBook of(ClusterPlan plan) {
        ChunkBook b = new ChunkBook();
        b.chunks = plan.chunks();
        b.agents = new ArrayList<>(plan.agents());
        b.dynamic = plan.split() == Split.DYNAMIC;
        int layoutLanes = plan.layout().lanes();
        b.lanes = layoutLanes > 1 ? layoutLanes : b.dynamic ? 1 : b.agents.size();
        b.laneNext = new long[b.lanes];
        return b;
    }

    /**
     * The next chunk for {@code agent}, or {@link #LATER} while others could still hand work back, or {@link #DONE}.
     */
    public long lease(String agent) {
        if (stopped || lost.contains(agent)) {
            return DONE;
        }
        Long c = returned.poll();
        if (c == null) {
            c = fresh(agent);
        }
        if (c != null) {
            leases.put(c, agent);
            return c;
        }
        boolean othersHoldWork = leases.values().stream().anyMatch(a -> !a.equals(agent));
        for (int l = 0; l < lanes && !othersHoldWork; l++) {
            othersHoldWork = !owns(agent, l) && hasFresh(l);
        }
        return othersHoldWork ? LATER : DONE;
    }

    private Long fresh(String agent) {
        // a lost agent's lanes are shared by the others, in schedule order with their own
        int own = earliest(l -> owns(agent, l) || lost.contains(owner(l)));
        if (dynamic && lanes > 1) {
            int other = earliest(l -> !owns(agent, l));
            if (other >= 0 && (own < 0 || laneNext[other] + STEAL_LAG <= laneNext[own])) {
                own = other;
            }
        }
        return own < 0 ? null : take(own);
    }

    /** The lane whose next fresh chunk comes first among those {@code which} accepts, or -1. */
    private int earliest(java.util.function.IntPredicate which) {
        int best = -1;
        for (int l = 0; l < lanes; l++) {
            if (which.test(l) && hasFresh(l) && (best < 0 || next(l) < next(best))) {
                best = l;
            }
        }
        return best;
    }

    /** The agent that owns lane {@code l}, or null when the lane is shared. */
    private String owner(int l) {
        return lanes == 1 && dynamic ? null : agents.get((int) ((long) l * agents.size() / lanes));
    }

    private boolean owns(String agent, int l) {
        String o = owner(l);
        return o == null || o.equals(agent);
    }

    private long next(int l) {
        return laneNext[l] * lanes + l;
    }

    private boolean hasFresh(int l) {
        return chunks < 0 || next(l) < chunks;
    }

    private long take(int l) {
        long c = next(l);
        laneNext[l]++;
        return c;
    }

    /** The chunk's result is stored: its lease ends. */
    public void committed(long chunk, String agent) {
        leases.remove(chunk, agent);
    }

    /** {@code agent} will not run a chunk it leased (its run stopped first): the next taker gets it. */
    public void giveBack(long chunk, String agent) {
        if (leases.remove(chunk, agent)) {
            returned.addFirst(chunk);
        }
    }

    /** {@code agent} left the cluster: its leased chunks are handed out again. Returns them. */
    public List<Long> release(String agent) {
        lost.add(agent);
        List<Long> back = new ArrayList<>();
        leases.entrySet().removeIf(e -> {
            if (e.getValue().equals(agent)) {
                back.add(e.getKey());
                return true;
            }
            return false;
        });
        returned.addAll(back);
        released += back.size();
        return back;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(chunks);
        out.writeStringArray(agents.toArray(String[]::new));
        out.writeInt(lanes);
        out.writeBoolean(dynamic);
        out.writeLongArray(laneNext);
        out.writeLongArray(returned.stream().mapToLong(Long::longValue).toArray());
        out.writeLongArray(leases.keySet().stream().mapToLong(Long::longValue).toArray());
        out.writeStringArray(leases.values().toArray(String[]::new));
        out.writeStringArray(lost.toArray(String[]::new));
        out.writeBoolean(stopped);
        out.writeLong(released);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        chunks = in.readLong();
        agents = new ArrayList<>(List.of(in.readStringArray()));
        lanes = in.readInt();
        dynamic = in.readBoolean();
        laneNext = in.readLongArray();
        returned = new ArrayDeque<>(Arrays.stream(in.readLongArray()).boxed().toList());
        long[] leased = in.readLongArray();
        String[] holders = in.readStringArray();
        leases = new TreeMap<>();
        for (int i = 0; i < leased.length; i++) {
            leases.put(leased[i], holders[i]);
        }
        lost = new HashSet<>(List.of(in.readStringArray()));
        stopped = in.readBoolean();
        released = in.readLong();
    }
}
