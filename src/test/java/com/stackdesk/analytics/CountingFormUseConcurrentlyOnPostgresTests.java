package com.stackdesk.analytics;

import com.stackdesk.PostgresIntegrationTest;

@PostgresIntegrationTest
class CountingFormUseConcurrentlyOnPostgresTests extends CountingFormUseConcurrentlyTests {}
