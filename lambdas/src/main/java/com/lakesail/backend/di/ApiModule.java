package com.lakesail.backend.di;

import com.lakesail.backend.aws.CustomerRoleSetups;
import com.lakesail.backend.port.RoleSetups;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.service.session.UnavailableSessionRuntime;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * What only the API function configures: the customer role template its cloud accounts show, and a
 * session runtime that reaches no cluster (the API never reaches customers' accounts: the session
 * server pulls its statements; only the task function starts and stops engines).
 */
@Module
public final class ApiModule {
    private ApiModule() {
    }

    /**
     * Customer roles trust {@code CONTROL_PLANE_ROLE_ARN} (the task function's role); the quick-create
     * link needs {@code ROLE_TEMPLATE_URL}, where customer-role.yaml is published (optional).
     */
    @Provides
    @Singleton
    static RoleSetups roleSetups() {
        return new CustomerRoleSetups(Environment.required("CONTROL_PLANE_ROLE_ARN"),
                Environment.optional("ROLE_TEMPLATE_URL"));
    }

    /** Nothing the API does reaches a session's engine; kept only while statement handling still asks for one. */
    @Provides
    @Singleton
    static SessionRuntime sessionRuntime() {
        return new UnavailableSessionRuntime("running statements on EKS sessions is not available in this build yet:"
                + " the API function reaches no cluster");
    }
}
