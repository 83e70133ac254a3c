package io.loadgrid.common.cluster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * One atomic change of a run's {@link ChunkBook}, executed where the book lives. Deterministic, so Hazelcast applies
 * the same operation to the backup copy and both stay identical.
 */
public record BookOp(Kind kind, String agent, long chunk) implements EntryProcessor<String, ChunkBook, Object> {

    public enum Kind {
        LEASE,
        COMMITTED,
        GIVE_BACK,
        RELEASE,
        STOP
    }

    public static BookOp lease(String agent) {
        return new BookOp(Kind.LEASE, agent, 0);
    }

    public static BookOp committed(String agent, long chunk) {
        return new BookOp(Kind.COMMITTED, agent, chunk);
    }

    public static BookOp giveBack(String agent, long chunk) {
        return new BookOp(Kind.GIVE_BACK, agent, chunk);
    }

    public static BookOp release(String agent) {
        return new BookOp(Kind.RELEASE, agent, 0);
    }

    public static BookOp stop() {
        return new BookOp(Kind.STOP, "", 0);
    }

    @Override
    public Object process(Map.Entry<String, ChunkBook> entry) {
        if (entry.getValue() == null) {
            // the run is over and its book gone
            return kind == Kind.RELEASE ? java.util.List.of() : ChunkBook.DONE;
        }
        ChunkBook book = entry.getValue();
        Object answer = switch (kind) {
            case LEASE -> book.lease(agent);
            case COMMITTED -> {
                book.committed(chunk, agent);
                yield 0L;
            }
            case GIVE_BACK -> {
                book.giveBack(chunk, agent);
                yield 0L;
            }
            case RELEASE -> book.release(agent);
            case STOP -> {
                book.stopped = true;
                yield 0L;
            }
        };
        // the same object, changed in place: setting it tells Hazelcast the entry changed (and its backup follows)
        entry.setValue(book);
        return answer;
    }
}
