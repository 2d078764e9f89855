package com.stackdesk.export;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The audit trail of exports. */
public interface ExportLog extends JpaRepository<ExportLogEntry, Long> {

    List<ExportLogEntry> findTop200ByOrderByOccurredAtDesc();
}
