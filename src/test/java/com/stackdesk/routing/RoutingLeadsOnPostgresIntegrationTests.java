package com.stackdesk.routing;

import com.stackdesk.PostgresIntegrationTest;

/** {@link RoutingLeadsIntegrationTests}: routing on PostgreSQL. */
@PostgresIntegrationTest
class RoutingLeadsOnPostgresIntegrationTests extends RoutingLeadsIntegrationTests {}
