package com.lakesail.backend.di;

import com.lakesail.backend.aws.CustomerRoleSetups;
import com.lakesail.backend.port.RoleSetups;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * What only the API function configures: the customer role template its cloud accounts show. (It
 * holds no session runtime: a session's server pulls its statements, and only the task function
 * starts and stops engines.)
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
}
