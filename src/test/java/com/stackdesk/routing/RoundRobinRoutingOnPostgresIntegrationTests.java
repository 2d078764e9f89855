package com.stackdesk.routing;

import com.stackdesk.PostgresIntegrationTest;

/** {@link RoundRobinRoutingIntegrationTests}: round-robin routing and its locked rotation row on PostgreSQL. */
@PostgresIntegrationTest
class RoundRobinRoutingOnPostgresIntegrationTests extends RoundRobinRoutingIntegrationTests {}
