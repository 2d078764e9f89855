package com.stackdesk.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A turn handed out to a rep for a lead; the primary key makes a turn impossible to hand out twice. */
@Entity
@Table(name = "routing_turn")
class RoutingTurn {

    @Id
    private Long turn;

    @Column(nullable = false)
    private long leadId;

    @Column(nullable = false)
    private long staffId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RoutingStrategy strategy;

    @Column(nullable = false)
    private Instant decidedAt;

    protected RoutingTurn() {
        this.turn = 0L;
        this.strategy = RoutingStrategy.LEAST_LOADED;
        this.decidedAt = Instant.EPOCH;
    }

    RoutingTurn(long turn, long leadId, long staffId, RoutingStrategy strategy, Instant decidedAt) {
        this.turn = turn;
        this.leadId = leadId;
        this.staffId = staffId;
        this.strategy = strategy;
        this.decidedAt = decidedAt;
    }

    long getTurn() {
        return turn;
    }

    long getLeadId() {
        return leadId;
    }

    long getStaffId() {
        return staffId;
    }
}
