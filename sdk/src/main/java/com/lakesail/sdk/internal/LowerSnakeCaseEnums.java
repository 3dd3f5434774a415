package com.lakesail.sdk.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps every enum to the API's lower snake case ({@code CREATING_SAIL} is {@code creating_sail}).
 * A value this SDK version does not know reads as the enum's {@code UNKNOWN_TO_SDK_VERSION}
 * constant when it declares one, so a status added by a newer service does not break old clients.
 */
final class LowerSnakeCaseEnums {
    static final String UNKNOWN = "UNKNOWN_TO_SDK_VERSION";

    private LowerSnakeCaseEnums() {
    }

    static SimpleModule module() {
        SimpleSerializers serializers = new SimpleSerializers();
        // Registered for Enum.class, Jackson applies it to every enum type.
        serializers.addSerializer(Enum.class, new Writer());
        SimpleModule module = new SimpleModule("LowerSnakeCaseEnums");
        module.setSerializers(serializers);
        module.setDeserializers(new SimpleDeserializers() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                    BeanDescription beanDesc) {
                return new Reader(type);
            }
        });
        return module;
    }

    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("rawtypes")
    private static final class Writer extends StdScalarSerializer<Enum> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(wireName(value));
        }
    }

    private static final class Reader extends StdScalarDeserializer<Object> {
        private static final long serialVersionUID = 1L;

        private final Map<String, Enum<?>> byWireName = new HashMap<>();
        private final Enum<?> unknown;

        Reader(Class<?> type) {
            super(type);
            Enum<?> fallback = null;
            for (Object constant : type.getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                if (value.name().equals(UNKNOWN)) {
                    fallback = value;
                } else {
                    byWireName.put(wireName(value), value);
                }
            }
            this.unknown = fallback;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            Enum<?> value = byWireName.get(text);
            if (value != null) {
                return value;
            }
            if (unknown != null) {
                return unknown;
            }
            return context.handleWeirdStringValue(handledType(), text, "not one of %s", byWireName.keySet());
        }
    }
}
