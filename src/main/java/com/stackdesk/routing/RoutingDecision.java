package com.stackdesk.routing;

import org.jspecify.annotations.Nullable;

/**
 * Who gets a lead and why, in plain words ("Go skill: Ana, Ben; Ben out of office; Ana has 3 open
 * leads → Ana"). {@code staffId} is null when nobody fits.
 */
public record RoutingDecision(
        @Nullable Long staffId, @Nullable String staffName, String reason) {

    public boolean assigned() {
        return staffId != null;
    }
}
