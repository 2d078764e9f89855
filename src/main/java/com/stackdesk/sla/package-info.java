/**
 * Response deadlines: the team's business hours, holidays and response targets ({@link
 * com.stackdesk.sla.ResponseSettings}, admin page "Response times"), each new lead's
 * first-response deadline (computed from memory as the lead is stored, through {@link
 * com.stackdesk.lead.FirstResponseDeadlines}), and the sweep that reminds the owner before it and
 * alerts the managers at it (optionally giving the lead to someone else), each exactly once:
 * announced with {@link com.stackdesk.sla.FirstResponseDueSoon} and {@link
 * com.stackdesk.sla.FirstResponseOverdue}. Business time is counted by {@link
 * com.stackdesk.sla.BusinessCalendar}, a pure class.
 */
@NullMarked
package com.stackdesk.sla;

import org.jspecify.annotations.NullMarked;
