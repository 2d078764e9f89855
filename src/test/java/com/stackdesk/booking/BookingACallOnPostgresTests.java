package com.stackdesk.booking;

import com.stackdesk.PostgresIntegrationTest;

/** {@link BookingACallTests} on PostgreSQL: its unique constraints, row locks and time types. */
@PostgresIntegrationTest
class BookingACallOnPostgresTests extends BookingACallTests {}
