package com.stackdesk.lead;

import com.stackdesk.PostgresIntegrationTest;

/** {@link LeadLimitsMatchTheSchemaTests}: the column sizes on PostgreSQL. */
@PostgresIntegrationTest
class LeadLimitsMatchTheSchemaOnPostgresTests extends LeadLimitsMatchTheSchemaTests {}
