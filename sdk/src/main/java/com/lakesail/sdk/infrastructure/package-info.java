/**
 * The infrastructure a workload runs on, with slow lifecycles: cloud accounts
 * ({@link com.lakesail.sdk.infrastructure.CloudAccountService}), networks
 * ({@link com.lakesail.sdk.infrastructure.NetworkService}), clusters
 * ({@link com.lakesail.sdk.infrastructure.ClusterService}) and catalogs
 * ({@link com.lakesail.sdk.infrastructure.CatalogService}). Calls that start work return a
 * {@link com.lakesail.sdk.infrastructure.ResourceHandle} to wait on; models are immutable records.
 *
 * <pre>{@code
 * CloudAccount account = lakesail.cloudAccounts().create(r -> r.name("prod").awsAccountId("123456789012"));
 * // ... the customer deploys lakesail.cloudAccounts().roleTemplate(account.id()) ...
 * lakesail.cloudAccounts().attachRole(r -> r.cloudAccountId(account.id()).roleArn(roleArn))
 *     .waitUntilActive(Duration.ofMinutes(5));
 * Network net = lakesail.networks()
 *     .create(r -> r.name("prod").cloudAccountId(account.id()).region("us-east-1").cidr("10.0.0.0/16"))
 *     .waitUntilActive(Duration.ofMinutes(15));
 * Cluster cluster = lakesail.clusters()
 *     .create(r -> r.name("prod").networkId(net.id()).accessPolicy(AccessPolicy.privateOnly()))
 *     .waitUntilActive(Duration.ofMinutes(30), c -> bar.update(c.progress()));
 * lakesail.clusters().delete(cluster.id()).waitUntilDestroyed(Duration.ofMinutes(20));
 * }</pre>
 */
package com.lakesail.sdk.infrastructure;
