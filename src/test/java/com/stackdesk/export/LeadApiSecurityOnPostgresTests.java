package com.stackdesk.export;

import com.stackdesk.PostgresIntegrationTest;

/** {@link LeadApiSecurityTests}: the staff API and its export on PostgreSQL. */
@PostgresIntegrationTest
class LeadApiSecurityOnPostgresTests extends LeadApiSecurityTests {}
