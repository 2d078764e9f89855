/**
 * Who gets a new lead and why: returning visitors go back to their owner, otherwise the lead goes
 * to an available rep with the right skill (or a generalist), chosen by the configured strategy.
 * Announces the outcome with {@link com.stackdesk.routing.LeadAssigned} or {@link
 * com.stackdesk.routing.LeadQueuedUnassigned}. The choice itself is {@code RoutingPolicy}, a pure
 * class; the lead module records it ({@link com.stackdesk.lead.LeadRouting}).
 */
@NullMarked
package com.stackdesk.routing;

import org.jspecify.annotations.NullMarked;
