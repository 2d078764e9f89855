package com.stackdesk.lead;

import com.stackdesk.PostgresIntegrationTest;

/** {@link WorkingALeadTests}: working a lead on PostgreSQL. */
@PostgresIntegrationTest
class WorkingALeadOnPostgresTests extends WorkingALeadTests {}
