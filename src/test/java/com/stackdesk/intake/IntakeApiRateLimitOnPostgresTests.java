package com.stackdesk.intake;

import com.stackdesk.PostgresIntegrationTest;

/** {@link IntakeApiRateLimitTests}: the intake API's rate limit on PostgreSQL. */
@PostgresIntegrationTest
class IntakeApiRateLimitOnPostgresTests extends IntakeApiRateLimitTests {}
