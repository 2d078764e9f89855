package com.stackdesk.security;

import com.stackdesk.PostgresIntegrationTest;

/** {@link FirstAdminTests}: the first administrator on PostgreSQL. */
@PostgresIntegrationTest
class FirstAdminOnPostgresTests extends FirstAdminTests {}
