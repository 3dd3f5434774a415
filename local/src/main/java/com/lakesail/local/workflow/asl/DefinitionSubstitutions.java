package com.lakesail.local.workflow.asl;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's {@code DefinitionSubstitutions} for a definition file: every {@code ${Name}} is
 * replaced by its value. The local backend maps function ARNs to local task names this way.
 */
public final class DefinitionSubstitutions {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.:-]+)}");

    private DefinitionSubstitutions() {
    }

    /** The definition with every known placeholder replaced; unknown ones are left as they are. */
    public static String apply(String definition, Map<String, String> substitutions) {
        Matcher m = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = substitutions.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder names a definition uses. */
    public static Set<String> placeholders(String definition) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(definition);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
