package com.lakesail.backend.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3.1 document of REST API v1: {@code openapi.json} on the class path
 * ({@code lambdas/src/main/resources}), the one description of the contract, served as it is at
 * {@code GET /v1/openapi.json} by both hosts. Read on the first request for it, not at start.
 * {@code OpenApiContractTest} holds it to the router and to the validation it documents.
 */
public final class OpenApiDocument {
    public static final String RESOURCE = "/openapi.json";
    public static final String PATH = "/v1/openapi.json";

    private OpenApiDocument() {
    }

    /** The document's JSON text. */
    public static String text() {
        return Holder.TEXT;
    }

    /** A route result that is already JSON text: answered 200 as it is. */
    record JsonText(String json) {
    }

    private static final class Holder {
        static final String TEXT = load();

        private static String load() {
            try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
