package com.lakesail.sdk.infrastructure;

import java.util.Map;

/**
 * The cross-account role to deploy in a customer account: a CloudFormation template and the
 * parameter values to deploy it with.
 *
 * <pre>{@code
 * RoleTemplate template = lakesail.cloudAccounts().roleTemplate(account.id());
 * Files.writeString(Path.of("lakesail-role.yaml"), template.templateBody());
 * template.parameters().forEach((name, value) -> System.out.println(name + "=" + value));
 * }</pre>
 *
 * @param templateBody the template, in CloudFormation YAML
 * @param parameters the values of its parameters, e.g. {@code ExternalId} and {@code
 *     ControlPlanePrincipal} (never null)
 */
public record RoleTemplate(String templateBody, Map<String, String> parameters) {

    public RoleTemplate {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().templateBody(templateBody).parameters(parameters);
    }

    /** Builds a {@link RoleTemplate}. */
    public static final class Builder {
        private String templateBody;
        private Map<String, String> parameters;

        private Builder() {
        }

        public Builder templateBody(String templateBody) {
            this.templateBody = templateBody;
            return this;
        }

        public Builder parameters(Map<String, String> parameters) {
            this.parameters = parameters;
            return this;
        }

        public RoleTemplate build() {
            return new RoleTemplate(templateBody, parameters);
        }
    }
}
