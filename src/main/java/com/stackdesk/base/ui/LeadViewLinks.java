package com.stackdesk.base.ui;

import java.util.List;

/**
 * The saved views of the leads grid the side navigation lists under "Leads" for the signed-in
 * person: implemented by the module that keeps them, so this open module links to them by path
 * without depending on it.
 */
public interface LeadViewLinks {

    /** The signed-in person's views, in the order to list them. */
    List<Link> links();

    /** A view's name and the path with its query string ({@code leads?assignee=none}). */
    record Link(String label, String path) {}
}
