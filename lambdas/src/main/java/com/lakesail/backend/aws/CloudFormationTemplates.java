package com.lakesail.backend.aws;

import com.lakesail.backend.port.StackTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The templates in {@code cloudformation/} on the classpath, read once. They are written with
 * long-form intrinsics ({@code Ref}, {@code Fn::Sub}) so any YAML parser can read them.
 */
public final class CloudFormationTemplates {
    /** The role customers create in their account (never deployed by the control plane itself). */
    public static final String CUSTOMER_ROLE = "customer-role";

    private final Map<StackTemplate, String> bodies = new EnumMap<>(StackTemplate.class);

    public CloudFormationTemplates() {
        for (StackTemplate t : StackTemplate.values()) {
            bodies.put(t, load(t.name().toLowerCase(Locale.ROOT)));
        }
    }

    public String body(StackTemplate template) {
        return bodies.get(template);
    }

    /** {@code cloudformation/<name>.yaml}. */
    public static String load(String name) {
        String path = "/cloudformation/" + name + ".yaml";
        try (InputStream in = CloudFormationTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("template " + path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
