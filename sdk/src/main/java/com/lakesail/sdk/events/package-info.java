/** Events: the state changes LakeSail publishes, and custom events that start the runs of triggered jobs. */
package com.lakesail.sdk.events;
