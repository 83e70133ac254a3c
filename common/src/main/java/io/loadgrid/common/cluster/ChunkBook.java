package io.loadgrid.common.cluster;

import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.Split;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which chunks of a run are free, leased (and to whom) or finished. One book per run, stored as one map entry and
 * changed only by {@link BookOp} on its partition thread, so every lease, commit and release is atomic.
 */
public final class ChunkBook {
    /** Answers of {@link #lease}: a chunk id, or one of these. */
    public static final long DONE = -1;
    public static final long WAIT = -2;

    public long chunks;
    public List<String> agents = new ArrayList<>();
    public boolean staticSplit;
    /** Dynamic split: the next chunk nobody has had. */
    public long next;
    /** Static split: each agent's next own chunk (agent k owns k, k+K, k+2K, ...). */
    public Map<String, Long> own = new LinkedHashMap<>();
    /** Chunks of lost agents, to be run again. */
    public Deque<Long> returned = new ArrayDeque<>();
    public Map<Long, String> leases = new TreeMap<>();
    public Set<String> lost = new HashSet<>();
    public boolean stopped;
    public long released;

    public static ChunkBook of(ClusterPlan plan) {
        ChunkBook b = new ChunkBook();
        b.chunks = plan.chunks();
        b.agents = new ArrayList<>(plan.agents());
        b.staticSplit = plan.split() == Split.STATIC;
        for (int k = 0; k < b.agents.size(); k++) {
            b.own.put(b.agents.get(k), (long) k);
        }
        return b;
    }

    /** The next chunk for {@code agent}, or {@link #WAIT} while others could still hand work back, or {@link #DONE}. */
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
        boolean othersHoldWork = leases.values().stream().anyMatch(a -> !a.equals(agent))
                || (staticSplit && own.keySet().stream().anyMatch(a -> !a.equals(agent) && hasFresh(a)));
        return othersHoldWork ? WAIT : DONE;
    }

    private Long fresh(String agent) {
        if (!staticSplit) {
            return chunks < 0 || next < chunks ? next++ : null;
        }
        if (hasFresh(agent)) {
            return take(agent);
        }
        // a lost agent's share goes to whoever is free
        for (String a : own.keySet()) {
            if (lost.contains(a) && hasFresh(a)) {
                return take(a);
            }
        }
        return null;
    }

    private boolean hasFresh(String agent) {
        Long n = own.get(agent);
        return n != null && (chunks < 0 || n < chunks);
    }

    private long take(String owner) {
        long c = own.get(owner);
        own.put(owner, c + agents.size());
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
}
