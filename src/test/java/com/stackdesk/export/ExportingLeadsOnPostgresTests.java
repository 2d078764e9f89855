package com.stackdesk.export;

import com.stackdesk.PostgresIntegrationTest;

/** {@link ExportingLeadsTests}: the CSV export on PostgreSQL. */
@PostgresIntegrationTest
class ExportingLeadsOnPostgresTests extends ExportingLeadsTests {}
