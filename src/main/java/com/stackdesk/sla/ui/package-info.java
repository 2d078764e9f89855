/** The admin page for the team's response times: business hours, holidays, time zone and targets. */
@NullMarked
package com.stackdesk.sla.ui;

import org.jspecify.annotations.NullMarked;
