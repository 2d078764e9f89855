package com.stackdesk.intake;

import com.stackdesk.PostgresIntegrationTest;

/** {@link IntakeApiIntegrationTests}: the public intake API on PostgreSQL. */
@PostgresIntegrationTest
class IntakeApiOnPostgresIntegrationTests extends IntakeApiIntegrationTests {}
