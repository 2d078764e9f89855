/**
 * Booking the consultation call: reps' weekly call hours, the free 30-minute slots a visitor picks
 * from after a consultation request, the booked calls (one per rep and start time, enforced by the
 * database), calendar invitations by email, signed links to reschedule or cancel without an
 * account, and the reminder a day before. Other modules use {@link com.stackdesk.booking.CallBooking}
 * (the visitor's side and a rep's booked calls) and {@link com.stackdesk.booking.CallSchedules}
 * (call hours); the slot picker {@code ui.SlotPicker} is published for the thank-you page. The
 * repositories live in {@code internal}.
 */
@NullMarked
package com.stackdesk.booking;

import org.jspecify.annotations.NullMarked;
