package com.stackdesk.workspace.ui;

import com.stackdesk.PostgresIntegrationTest;

/** {@link DashboardViewTests}: the dashboard's statistics on PostgreSQL. */
@PostgresIntegrationTest
class DashboardViewOnPostgresTests extends DashboardViewTests {}
