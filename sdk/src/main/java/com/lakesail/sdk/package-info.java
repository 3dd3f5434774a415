/**
 * The LakeSail Java SDK. Start with {@link com.lakesail.sdk.LakeSail}:
 *
 * <pre>{@code
 * try (LakeSail lakesail = LakeSail.fromLocalBackend()) {
 *     Me me = lakesail.me().get();
 *     Organization second = lakesail.organizations().create(r -> r.name("research"));
 *     lakesail.organizations().list().forEach(org -> System.out.println(org.name()));
 * }
 * }</pre>
 *
 * Services live in sub-packages by area ({@code identity}, {@code organizations}), exceptions in
 * {@code exception}, the lifecycle waiter in {@code waiter}. {@code internal} is not API.
 */
package com.lakesail.sdk;
