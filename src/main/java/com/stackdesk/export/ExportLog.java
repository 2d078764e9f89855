package com.stackdesk.export;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The audit trail of exports. */
interface ExportLog extends JpaRepository<ExportLogEntry, Long>, JpaSpecificationExecutor<ExportLogEntry> {}
