package com.stackdesk.staff;

import com.stackdesk.PostgresIntegrationTest;

/** {@link AdministeringStaffTests}: the staff admin and its audit trail on PostgreSQL. */
@PostgresIntegrationTest
class AdministeringStaffOnPostgresTests extends AdministeringStaffTests {}
