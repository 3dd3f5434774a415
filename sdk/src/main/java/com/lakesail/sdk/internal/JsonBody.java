package com.lakesail.sdk.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request body built field by field. Request types also carry what does not belong in the body
 * (path ids, the idempotency key), so services name the body's fields explicitly; null values are
 * left out when written.
 */
final class JsonBody {

    private JsonBody() {
    }

    static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("need name, value pairs");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}
