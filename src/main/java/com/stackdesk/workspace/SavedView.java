package com.stackdesk.workspace;

import org.jspecify.annotations.Nullable;

/**
 * A named filter and sort of the leads grid, opened as {@code /leads?<query>}.
 *
 * @param id the stored view's id; null for a built-in view, which cannot be renamed or deleted
 * @param query the grid's query string without the question mark ({@code assignee=none&sort=created_at})
 */
public record SavedView(@Nullable Long id, String name, String query) {

    public boolean isBuiltIn() {
        return id == null;
    }

    /** The path the side navigation links to. */
    public String path() {
        return query.isEmpty() ? "leads" : "leads?" + query;
    }
}
