/**
 * Who gets a new lead and why: returning visitors go back to their owner, otherwise the lead goes
 * to an available rep with the right skill (or a generalist), chosen by the configured strategy.
 * Announces the outcome with {@link com.stackdesk.routing.LeadAssigned} or {@link
 * com.stackdesk.routing.LeadQueuedUnassigned}.
 */
@NullMarked
package com.stackdesk.routing;

import org.jspecify.annotations.NullMarked;
