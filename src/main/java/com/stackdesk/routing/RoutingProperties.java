package com.stackdesk.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing settings ({@code stackdesk.routing.*}), documented in {@code config/application.properties}.
 *
 * @param strategy how to choose among reps who all fit: {@code least-loaded} or {@code round-robin}
 * @param weighted whether the per-rep weights from the staff admin count
 * @param returningVisitorWindow a visitor whose earlier lead is this recent (or still open) goes back to its owner
 */
@ConfigurationProperties("stackdesk.routing")
public record RoutingProperties(
        @DefaultValue("least-loaded") RoutingStrategy strategy,
        @DefaultValue("true") boolean weighted,
        @DefaultValue("90d") Duration returningVisitorWindow) {}
