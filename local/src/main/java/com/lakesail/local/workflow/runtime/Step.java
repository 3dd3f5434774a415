package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.workflow.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes of one state transition of one execution: history events, branches written,
 * created and deleted. {@link #flush} persists them as one store transaction (children created or
 * deleted in bulk go in chunks before and after it).
 */
final class Step {
    final ExecutionRuntime x;
    final long now;
    private final ExecutionStore store;
    final List<HistoryEvent> events = new ArrayList<>();
    final Set<Branch> dirty = new LinkedHashSet<>();
    final List<Branch> created = new ArrayList<>();
    final List<Branch> deleted = new ArrayList<>();
    boolean executionChanged;

    Step(ExecutionRuntime x, long now, ExecutionStore store) {
        this.x = x;
        this.now = now;
        this.store = store;
    }

    /** Appends a history event caused by {@code b} (null for execution-level events). */
    HistoryEvent event(Branch b, String type, ObjectNode details) {
        long id = x.nextEventId++;
        long previous = b == null ? id - 1 : b.lastEventId;
        HistoryEvent event = new HistoryEvent(id, previous, type, Instant.ofEpochMilli(now), details);
        events.add(event);
        if (b != null) {
            b.lastEventId = id;
            dirty(b);
        }
        return event;
    }

    void dirty(Branch b) {
        dirty.add(b);
    }

    void create(Branch b) {
        created.add(b);
        x.branches.put(b.id, b);
    }

    void delete(Branch b) {
        deleted.add(b);
        x.branches.remove(b.id);
        dirty.remove(b);
    }

    boolean isEmpty() {
        return events.isEmpty() && dirty.isEmpty() && created.isEmpty() && deleted.isEmpty() && !executionChanged;
    }

    /** Persists everything so far and starts over (used before a token task's handler is called). */
    void flush() {
        if (!isEmpty()) {
            store.commit(this);
            events.clear();
            dirty.clear();
            created.clear();
            deleted.clear();
            executionChanged = false;
        }
    }
}
