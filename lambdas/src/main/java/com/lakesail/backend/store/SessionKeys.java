package com.lakesail.backend.store;

import com.lakesail.backend.port.Key;
import java.time.Instant;

/**
 * Keys of saved queries, sessions and statements, and the access patterns they serve. All in the
 * organization's partition ({@link Keys#orgPartition}); a session server's callback credential is a
 * run's kind of credential ({@link JobKeys#callbackCredential}), naming the session.
 *
 * <pre>
 * entity / purpose          pk               sk                              GSI1 (pk / sk)                          GSI2 (pk / sk)
 * saved query               ORG#org          QUERY#qry                       ORG#org#TEAM#team / QUERY#qry
 * session                   ORG#org          SESSION#ses                     ORG#org#MEMBER#mem#SESSIONS / time#ses  ORG#org#CLUSTER#clu#SESSIONS / ses (until terminal)
 * statement                 ORG#org          STATEMENT#stm                   (TTL: expiresAt)
 * statement result chunk    ORG#org          STATEMENTRESULT#stm#0000000001  (TTL: expiresAt)
 * </pre>
 *
 * <ul>
 * <li>get a query, a session, a statement: one get; a team's queries: query GSI1 (sk begins with
 *     QUERY#, so a team's jobs in the same partition stay apart); all queries: query ORG#org, sk begins
 *     with QUERY# (id order);
 * <li>a member's sessions, newest first: query GSI1 descending;
 * <li>the sessions of a cluster that have not ended (to close them when it is deleted): query GSI2,
 *     a sparse index: a session leaves it in the write that makes it terminal;
 * <li>a result page: gets of the chunks from the one the page token names, in order;
 * <li>submitting a statement: one transaction puts it (notExists) and adds it to its session's
 *     in-flight list (on the session's version); its end removes it again in the transaction that
 *     makes it terminal.
 * </ul>
 */
public final class SessionKeys {
    public static final String QUERY_PREFIX = "QUERY#";
    public static final String SESSION_PREFIX = "SESSION#";

    private SessionKeys() {
    }

    public static Key query(String orgId, String queryId) {
        return Key.of(Keys.orgPartition(orgId), QUERY_PREFIX + queryId);
    }

    /** GSI1 partition of a team's queries (shared with its jobs, told apart by sort-key prefix). */
    public static String queriesOfTeam(String orgId, String teamId) {
        return Keys.orgPartition(orgId) + "#TEAM#" + teamId;
    }

    public static Key session(String orgId, String sessionId) {
        return Key.of(Keys.orgPartition(orgId), SESSION_PREFIX + sessionId);
    }

    /** GSI1 partition of a member's sessions. */
    public static String sessionsOfMember(String orgId, String memberId) {
        return Keys.orgPartition(orgId) + "#MEMBER#" + memberId + "#SESSIONS";
    }

    /** GSI2 partition of a cluster's sessions that have not ended. */
    public static String liveSessionsOfCluster(String orgId, String clusterId) {
        return Keys.orgPartition(orgId) + "#CLUSTER#" + clusterId + "#SESSIONS";
    }

    /** The index sort key of a session: creation time first, so a descending query is newest first. */
    public static String sessionSortKey(Instant createdAt, String sessionId) {
        return Keys.auditTime(createdAt) + "#" + sessionId;
    }

    public static Key statement(String orgId, String statementId) {
        return Key.of(Keys.orgPartition(orgId), "STATEMENT#" + statementId);
    }

    public static Key resultChunk(String orgId, String statementId, int sequence) {
        return Key.of(Keys.orgPartition(orgId), "STATEMENTRESULT#" + statementId + "#" + String.format("%010d", sequence));
    }
}
