package com.stackdesk.base;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The team's time zone: business hours are counted in it, and staff who chose no zone of their own
 * read times in it. The response-time settings ({@code sla}) own the value and set it here when
 * they load or change; until then it is {@code stackdesk.sla.time-zone}. Here, in the open base
 * module, because every module shows times and none should depend on the settings for that.
 */
@Component
public class TeamZone {

    private volatile ZoneId zone;

    TeamZone(@Value("${stackdesk.sla.time-zone:UTC}") String zone) {
        this.zone = parse(zone, ZoneOffset.UTC);
    }

    public ZoneId get() {
        return zone;
    }

    /** Called by the settings' owner when the team's zone is loaded or changed. */
    public void set(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code staffZone} as a zone when it is a valid zone id, else the team's. */
    public ZoneId or(@Nullable String staffZone) {
        return staffZone == null ? zone : parse(staffZone, zone);
    }

    /** The zone with this id, or {@code otherwise} when the id is not a known zone. */
    public static ZoneId parse(@Nullable String id, ZoneId otherwise) {
        if (id == null || id.isBlank()) {
            return otherwise;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return otherwise;
        }
    }
}
