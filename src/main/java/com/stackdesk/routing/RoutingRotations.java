package com.stackdesk.routing;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/** The rotation row (there is one, {@link RoutingRotation#LEADS}). */
interface RoutingRotations extends JpaRepository<RoutingRotation, String> {

    /** The rotation row, locked until the transaction ends (SELECT ... FOR UPDATE). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "30000"))
    @Query("select r from RoutingRotation r where r.id = :id")
    Optional<RoutingRotation> lockById(String id);
}
