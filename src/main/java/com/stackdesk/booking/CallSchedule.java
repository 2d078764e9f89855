package com.stackdesk.booking;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A rep's weekly call hours: at most one span per weekday, in the rep's own time zone (the staff
 * member's, the one they read times in).
 */
@Entity
@Table(name = "call_schedule")
public class CallSchedule {

    @Id
    private Long staffId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_hours", joinColumns = @JoinColumn(name = "staff_id"))
    private Set<Hours> hours = new HashSet<>();

    protected CallSchedule() {
        this.staffId = 0L;
    }

    CallSchedule(long staffId) {
        this.staffId = staffId;
    }

    void change(Map<DayOfWeek, FreeSlots.Span> week) {
        hours.clear();
        week.forEach((day, span) -> hours.add(new Hours(day.getValue(), span.from(), span.to())));
    }

    public long getStaffId() {
        return staffId;
    }

    /** The call hours by weekday; days without calls are absent. */
    public Map<DayOfWeek, FreeSlots.Span> getWeek() {
        var week = new EnumMap<DayOfWeek, FreeSlots.Span>(DayOfWeek.class);
        for (var h : hours) {
            week.put(DayOfWeek.of(h.dayOfWeek), new FreeSlots.Span(h.fromTime, h.toTime));
        }
        return week;
    }

    /** One weekday's span of call hours. */
    @Embeddable
    static class Hours {

        @Column(name = "day_of_week", nullable = false)
        private int dayOfWeek;

        @Column(name = "from_time", nullable = false)
        private LocalTime fromTime;

        @Column(name = "to_time", nullable = false)
        private LocalTime toTime;

        protected Hours() {
            this.fromTime = LocalTime.MIN;
            this.toTime = LocalTime.MIN;
        }

        Hours(int dayOfWeek, LocalTime fromTime, LocalTime toTime) {
            this.dayOfWeek = dayOfWeek;
            this.fromTime = fromTime;
            this.toTime = toTime;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Hours h && h.dayOfWeek == dayOfWeek;
        }

        @Override
        public int hashCode() {
            return dayOfWeek;
        }
    }
}
