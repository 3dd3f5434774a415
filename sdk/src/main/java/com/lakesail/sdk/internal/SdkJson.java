package com.lakesail.sdk.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.lakesail.sdk.identity.CreatedToken;

/**
 * The SDK's one JSON mapping: lower camelCase names (record component names as they are), enums
 * in lower snake case, instants as ISO-8601 strings, nulls left out, and unknown properties
 * ignored so fields a newer service adds do not break this client.
 */
public final class SdkJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(LowerSnakeCaseEnums.module())
            .addModule(new SimpleModule("LakeSailModels")
                    .addDeserializer(CreatedToken.class, new CreatedTokenDeserializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private SdkJson() {
    }

    /** Thread-safe; shared by every client. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
