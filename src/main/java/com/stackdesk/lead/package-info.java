/**
 * The lead aggregate: what a visitor asked for, its pipeline status and its history. Other modules
 * use its services ({@link com.stackdesk.lead.LeadRegistration}, {@link com.stackdesk.lead.LeadWork},
 * {@link com.stackdesk.lead.LeadRouting} for routing's reads and decisions, {@link
 * com.stackdesk.lead.LeadLookup}, ...), its events and value types; a {@link com.stackdesk.lead.Lead}
 * they get is read-only to them. The repository lives in {@code internal}.
 */
@NullMarked
package com.stackdesk.lead;

import org.jspecify.annotations.NullMarked;
