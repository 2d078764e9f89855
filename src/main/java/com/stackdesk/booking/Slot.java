package com.stackdesk.booking;

import java.time.Instant;

/** A free call slot: who would take the call and when it starts (it lasts {@link FreeSlots#LENGTH}). */
public record Slot(long staffId, Instant startsAt) {}
