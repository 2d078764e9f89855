package com.stackdesk.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One rep's place in the rotation: turns taken so far and the last one. */
@Entity
@Table(name = "routing_member")
class RoutingMember {

    @Id
    private Long staffId;

    @Column(nullable = false)
    private long turnsTaken;

    @Column(nullable = false)
    private long lastTurn;

    protected RoutingMember() {
        this.staffId = 0L;
    }

    RoutingMember(long staffId, long turnsTaken) {
        this.staffId = staffId;
        this.turnsTaken = turnsTaken;
    }

    void took(long turn) {
        turnsTaken++;
        lastTurn = turn;
    }

    long getStaffId() {
        return staffId;
    }

    long getTurnsTaken() {
        return turnsTaken;
    }

    long getLastTurn() {
        return lastTurn;
    }
}
