package com.stackdesk.routing;

/** How the router picks one of several reps who all fit a lead. */
public enum RoutingStrategy {
    /** Fewest open leads (per unit of weight); ties go to whoever was assigned least recently. */
    LEAST_LOADED("least-loaded"),
    /** Turns in a rotation kept in the database, weighted: a rep with weight 2 gets two turns per round. */
    ROUND_ROBIN("round-robin");

    private final String label;

    RoutingStrategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
