package com.stackdesk.intake;

import com.stackdesk.PostgresIntegrationTest;

/** {@link IntakeServiceIntegrationTests}: the intake service on PostgreSQL. */
@PostgresIntegrationTest
class IntakeServiceOnPostgresIntegrationTests extends IntakeServiceIntegrationTests {}
