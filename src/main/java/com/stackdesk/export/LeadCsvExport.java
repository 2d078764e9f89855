package com.stackdesk.export;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.lead.LeadExports;
import com.stackdesk.lead.LeadFilter;
import com.stackdesk.lead.LeadOrder;
import com.stackdesk.staff.StaffDirectory;
import jakarta.persistence.criteria.Predicate;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the leads matching a filter as CSV (RFC 4180, UTF-8) to a stream, row by row from the
 * database, and records each export in the audit trail. Callers see only what they may see in
 * the grid: sales reps their own and unassigned leads.
 */
@Service
public class LeadCsvExport {

    private final LeadExports exports;
    private final StaffDirectory staff;
    private final ExportLog log;
    private final CurrentUser currentUser;
    private final ExportProperties properties;
    private final Clock clock;
    private final Semaphore running;

    LeadCsvExport(
            LeadExports exports,
            StaffDirectory staff,
            ExportLog log,
            CurrentUser currentUser,
            ExportProperties properties,
            Clock clock) {
        this.exports = exports;
        this.staff = staff;
        this.log = log;
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = clock;
        this.running = new Semaphore(properties.maxConcurrent());
    }

    /** A file name that says what the file is: {@code stackdesk-leads-2026-11-27.csv}. */
    public String fileName() {
        return "stackdesk-leads-" + LocalDate.now(clock.withZone(properties.timeZone())) + ".csv";
    }

    /** Whether files start with a byte-order mark unless the caller says otherwise. */
    public boolean byteOrderMarkByDefault() {
        return properties.byteOrderMark();
    }

    /**
     * Writes the matching leads to {@code out} and returns how many rows it wrote. The export is
     * recorded in the audit trail even when the client goes away half-way (as not completed). It
     * holds a pooled connection until the client has taken the last row; beyond {@link
     * ExportProperties#maxConcurrent()} exports at once it is refused with {@link ExportsBusy}.
     */
    @PreAuthorize("hasRole('SALES')")
    public long write(
            LeadFilter filter, List<LeadOrder> orders, OutputStream out, boolean byteOrderMark, String channel)
            throws IOException {
        var user = currentUser.require();
        var asked = filter.assignee();
        if (!user.isManager() && asked != null && !asked.isUnassigned() && asked.staffId() != user.staffId()) {
            throw new AccessDeniedException("Sales reps export their own and unassigned leads only");
        }
        if (!running.tryAcquire()) {
            throw new ExportsBusy(properties.maxConcurrent());
        }
        try {
            return write(filter, orders, out, byteOrderMark, channel, user.username());
        } finally {
            running.release();
        }
    }

    private long write(
            LeadFilter filter,
            List<LeadOrder> orders,
            OutputStream out,
            boolean byteOrderMark,
            String channel,
            String actor)
            throws IOException {
        var names = staff.namesById();
        var csv = new LeadCsv(properties.timeZone(), id -> names.getOrDefault(id, "#" + id));
        var rows = new AtomicLong();
        boolean completed = false;
        try {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (byteOrderMark) {
                writer.write('\uFEFF');
            }
            var printer = new CSVPrinter(writer, LeadCsv.FORMAT);
            csv.printHeader(printer);
            exports.forEach(filter, orders, row -> {
                try {
                    csv.print(printer, row);
                    rows.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
            completed = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            log.save(new ExportLogEntry(
                    clock.instant(), actor, channel, describe(filter, orders), rows.get(), completed));
        }
        return rows.get();
    }

    /**
     * One page of the exports that match the query, newest first. All of them are there, however
     * many: a flood of exports cannot push one out of sight.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ExportLogEntry> log(ExportLogQuery query, int page, int pageSize) {
        return log.findAll(
                        matching(query),
                        PageRequest.of(page, pageSize, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"))))
                .getContent();
    }

    /** How many exports match the query. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long countLog(ExportLogQuery query) {
        return log.count(matching(query));
    }

    private static Specification<ExportLogEntry> matching(ExportLogQuery query) {
        return (entry, criteria, cb) -> {
            var where = new ArrayList<Predicate>();
            if (query.actor() != null && !query.actor().isBlank()) {
                var prefix = query.actor()
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_");
                where.add(cb.like(cb.lower(entry.get("actor")), prefix + "%", '\\'));
            }
            if (query.channel() != null && !query.channel().isBlank()) {
                where.add(cb.equal(entry.get("channel"), query.channel()));
            }
            if (query.from() != null) {
                where.add(cb.greaterThanOrEqualTo(
                        entry.get("occurredAt"),
                        query.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
            }
            if (query.to() != null) {
                where.add(cb.lessThan(
                        entry.get("occurredAt"),
                        query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The filter in words for the audit trail, e.g. {@code status=NEW; stack=GO; q=acme}. */
    static String describe(LeadFilter f, List<LeadOrder> orders) {
        var parts = new ArrayList<String>();
        add(parts, "status", f.status());
        add(parts, "kind", f.kind());
        add(parts, "stack", f.stack());
        if (f.assignee() != null) {
            parts.add("assignee="
                    + (f.assignee().isUnassigned() ? "unassigned" : f.assignee().staffId()));
        }
        add(parts, "from", f.createdFrom());
        add(parts, "before", f.createdBefore());
        add(parts, "source", f.source());
        add(parts, "q", f.query());
        if (f.includeSpam()) {
            parts.add("spam=included");
        }
        if (f.ids() != null) {
            parts.add("selected=" + f.ids().size() + " leads");
        }
        if (!orders.isEmpty()) {
            parts.add("sort="
                    + orders.stream()
                            .map(o -> o.field() + (o.ascending() ? " asc" : " desc"))
                            .collect(Collectors.joining(",")));
        }
        return parts.isEmpty() ? "all leads" : String.join("; ", parts);
    }

    private static void add(List<String> parts, String name, @Nullable Object value) {
        if (value != null) {
            parts.add(name + "=" + Objects.toString(value));
        }
    }
}
