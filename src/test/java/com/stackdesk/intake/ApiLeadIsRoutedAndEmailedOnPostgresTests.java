package com.stackdesk.intake;

import com.stackdesk.PostgresIntegrationTest;

/** {@link ApiLeadIsRoutedAndEmailedTests}: an API lead routed and emailed on PostgreSQL. */
@PostgresIntegrationTest
class ApiLeadIsRoutedAndEmailedOnPostgresTests extends ApiLeadIsRoutedAndEmailedTests {}
