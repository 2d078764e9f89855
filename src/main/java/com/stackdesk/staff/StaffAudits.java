package com.stackdesk.staff;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The staff audit trail; written only by {@link StaffAdministration}. */
interface StaffAudits extends JpaRepository<StaffAuditEntry, Long> {

    List<StaffAuditEntry> findByOrderByOccurredAtDescIdDesc(Pageable page);

    List<StaffAuditEntry> findByStaffIdOrderByOccurredAtDescIdDesc(long staffId);
}
