package com.stackdesk.security;

import com.stackdesk.PostgresIntegrationTest;

/** {@link SigningInTests}: signing in and locking accounts on PostgreSQL. */
@PostgresIntegrationTest
class SigningInOnPostgresTests extends SigningInTests {}
