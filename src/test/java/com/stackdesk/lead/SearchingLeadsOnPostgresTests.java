package com.stackdesk.lead;

import com.stackdesk.PostgresIntegrationTest;

/** {@link SearchingLeadsTests}: the grid's queries on PostgreSQL. */
@PostgresIntegrationTest
class SearchingLeadsOnPostgresTests extends SearchingLeadsTests {}
