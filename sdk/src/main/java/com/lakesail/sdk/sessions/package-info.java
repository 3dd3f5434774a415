/**
 * Interactive SQL: saved queries, sessions (a live, warm Sail on a cluster with chosen catalogs)
 * and the statements run in them, over REST; and session tokens for Spark Connect clients.
 *
 * <pre>{@code
 * SessionHandle session = lakesail.sessions().open(r -> r.clusterId(cluster.id()).catalogIds(lake.id()))
 *     .waitUntilReady(Duration.ofMinutes(3));
 * for (Row row : session.sql("SELECT region, sum(amount) AS total FROM lake.sales.orders GROUP BY region")) {
 *     System.out.println(row.getString("region") + " " + row.getLong("total"));
 * }
 * String connect = session.connectionString(Duration.ofHours(1));   // sc://host:port/;token=...
 * session.close();
 * }</pre>
 */
package com.lakesail.sdk.sessions;
