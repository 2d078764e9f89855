package com.stackdesk.staff;

import com.stackdesk.PostgresIntegrationTest;

/** {@link FirstAdminAtOnceTests}: instances starting at once on one new PostgreSQL database. */
@PostgresIntegrationTest
class FirstAdminAtOnceOnPostgresTests extends FirstAdminAtOnceTests {}
