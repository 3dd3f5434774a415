package com.lakesail.backend.store;

import com.lakesail.backend.domain.query.SavedQuery;
import com.lakesail.backend.domain.session.ResultChunk;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.Statement;
import com.lakesail.backend.port.Item;

/** Saved queries, sessions and statements ↔ items (keys in {@link SessionKeys}); bodies are JSON as in {@link Items}. */
public final class SessionItems {
    private SessionItems() {
    }

    public static Item query(SavedQuery q) {
        Item.Builder item = Items.item(SessionKeys.query(q.organizationId(), q.id()), "SavedQuery", q.version(), q);
        if (q.teamId() != null) {
            item.gsi1(SessionKeys.queriesOfTeam(q.organizationId(), q.teamId()), SessionKeys.QUERY_PREFIX + q.id());
        }
        return item.build();
    }

    public static SavedQuery query(Item item) {
        return Items.decode(item, SavedQuery.class);
    }

    public static Item session(Session s) {
        Item.Builder item = Items.item(SessionKeys.session(s.organizationId(), s.id()), "Session", s.version(), s)
                .gsi1(SessionKeys.sessionsOfMember(s.organizationId(), s.ownerMemberId()),
                        SessionKeys.sessionSortKey(s.createdAt(), s.id()));
        if (!s.terminal()) {
            item.gsi2(SessionKeys.liveSessionsOfCluster(s.organizationId(), s.clusterId()), s.id());
        }
        return item.build();
    }

    public static Session session(Item item) {
        return Items.decode(item, Session.class);
    }

    /** @param expiresAt epoch seconds after which the statement may be deleted */
    public static Item statement(Statement s, long expiresAt) {
        return Items.item(SessionKeys.statement(s.organizationId(), s.id()), "Statement", s.version(), s)
                .expiresAt(expiresAt).build();
    }

    public static Statement statement(Item item) {
        return Items.decode(item, Statement.class);
    }

    public static Item resultChunk(String orgId, String statementId, ResultChunk chunk, long expiresAt) {
        return Items.item(SessionKeys.resultChunk(orgId, statementId, chunk.sequence()), "StatementResultChunk", 1, chunk)
                .expiresAt(expiresAt).build();
    }

    public static ResultChunk resultChunk(Item item) {
        return Items.decode(item, ResultChunk.class);
    }
}
