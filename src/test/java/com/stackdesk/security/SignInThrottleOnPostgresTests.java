package com.stackdesk.security;

import com.stackdesk.PostgresIntegrationTest;

/** {@link SignInThrottleTests}: the atomic attempt counting on PostgreSQL. */
@PostgresIntegrationTest
class SignInThrottleOnPostgresTests extends SignInThrottleTests {}
