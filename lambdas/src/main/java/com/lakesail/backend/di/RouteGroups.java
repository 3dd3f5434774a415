package com.lakesail.backend.di;

import com.lakesail.backend.api.RouteGroup;
import dagger.Module;
import dagger.multibindings.Multibinds;
import java.util.Set;

/** Declares the set of route groups, empty unless a host's graph contributes one (as InfraModule does). */
@Module
public interface RouteGroups {
    @Multibinds
    Set<RouteGroup> routeGroups();
}
