package com.stackdesk.routing;

import org.springframework.data.jpa.repository.JpaRepository;

/** Each rep's place in the rotation. */
interface RoutingMembers extends JpaRepository<RoutingMember, Long> {}
