/**
 * Saved queries ({@link com.lakesail.sdk.queries.QueryService}): named SQL with declared
 * parameters, versioned by every update, run in a session or as a job's entrypoint.
 */
package com.lakesail.sdk.queries;
