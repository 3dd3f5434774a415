/**
 * The SDK's implementation: transport, retries, JSON, and the default services. Not API: it may
 * change in any release. Use the interfaces of {@code com.lakesail.sdk} and its other packages.
 */
package com.lakesail.sdk.internal;
