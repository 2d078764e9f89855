package com.stackdesk.routing;

import org.springframework.data.jpa.repository.JpaRepository;

/** The turns handed out so far. */
interface RoutingTurns extends JpaRepository<RoutingTurn, Long> {}
