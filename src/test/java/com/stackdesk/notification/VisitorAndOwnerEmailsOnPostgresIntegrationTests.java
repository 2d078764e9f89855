package com.stackdesk.notification;

import com.stackdesk.PostgresIntegrationTest;

/** {@link VisitorAndOwnerEmailsIntegrationTests}: the emails from the outbox on PostgreSQL. */
@PostgresIntegrationTest
class VisitorAndOwnerEmailsOnPostgresIntegrationTests extends VisitorAndOwnerEmailsIntegrationTests {}
