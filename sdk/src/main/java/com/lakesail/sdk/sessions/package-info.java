/**
 * Interactive sessions ({@link com.lakesail.sdk.sessions.SessionService}): a warm Sail on a cluster
 * where statements run over REST, or from any Spark Connect client with a session token. Opening
 * a session returns a {@link com.lakesail.sdk.sessions.SessionHandle} to wait on and run SQL in;
 * a statement is a {@link com.lakesail.sdk.sessions.StatementHandle} whose result reads as typed
 * {@link com.lakesail.sdk.jobs.Row}s, page by page.
 *
 * <pre>{@code
 * SessionHandle session = lakesail.sessions().open(r -> r.clusterId(cluster.id()).catalogIds(lake.id()));
 * session.waitUntilActive(Duration.ofMinutes(5), s -> System.out.println(s.status()));
 * StatementResult result = session.sql("SELECT region, count(*) AS n FROM lake.sales GROUP BY region").waitForResult();
 * result.forEach(row -> System.out.println(row.getString("region") + " " + row.getLong("n")));
 * session.close();
 * }</pre>
 */
package com.lakesail.sdk.sessions;
