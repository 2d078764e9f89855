package com.stackdesk.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The rotation's turn counter; its row lock serialises routing decisions. */
@Entity
@Table(name = "routing_rotation")
class RoutingRotation {

    static final String LEADS = "leads";

    @Id
    private String id = LEADS;

    @Column(nullable = false)
    private long nextTurn = 1;

    protected RoutingRotation() {}

    /** Hands out the next turn; each number is handed out once. */
    long takeTurn() {
        return nextTurn++;
    }

    long peekTurn() {
        return nextTurn;
    }
}
