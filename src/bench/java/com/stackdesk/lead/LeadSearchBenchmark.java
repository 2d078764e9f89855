package com.stackdesk.lead;

import com.stackdesk.base.StaffPrincipal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Seeds 1,000,000 leads into a fresh H2 file database (target/bench-db) with JDBC batches, then
 * times what the leads grid asks for on each visit: the count and the first page of 50, through
 * {@link LeadSearch} as a manager, for the filters the issue names. Prints p50/p95 per query.
 * Run with {@code ./mvnw -Pbench test}; set {@code -Dbench.leads=N} for another size.
 *
 * <p>On PostgreSQL ({@code -Dbench.db=postgres -Dbench.pg.url=jdbc:postgresql://127.0.0.1:5433/bench
 * -Dbench.pg.user=postgres [-Dbench.pg.password=...]}) it seeds nothing: it measures the database
 * {@code IntakeBenchmark} seeded (and the app migrated) as it is, with search values, assignees and
 * date ranges that exist there, and prints each query's plan ({@code EXPLAIN ANALYZE}) after the
 * table. The shared database is left as it is (no migration, and the mail dispatcher stays off),
 * but for the owners of the leads the bulk reassignment at the end moves.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:file:./target/bench-db/leads;DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE",
            "stackdesk.seeds.location=classpath:no-seeds/",
            "STACKDESK_ADMIN_PASSWORD=bench-admin-password",
            "spring.jpa.open-in-view=false",
            "logging.level.root=WARN"
        })
@EnabledIfSystemProperty(named = "stackdesk.bench", matches = "true", disabledReason = "a benchmark: ./mvnw -Pbench test -Dtest=LeadSearchBenchmark")
class LeadSearchBenchmark {

    static final int LEADS = Integer.getInteger("bench.leads", 1_000_000);
    /** -Dbench.reuse=true measures again on the database of the previous run instead of seeding a new one. */
    static final boolean REUSE = Boolean.getBoolean("bench.reuse");
    static final int WARMUP = 5;
    static final int RUNS = 40;
    static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
    /** -Dbench.db=postgres measures the PostgreSQL database IntakeBenchmark seeded, as it is (never reseeded). */
    static final boolean POSTGRES = "postgres".equalsIgnoreCase(System.getProperty("bench.db", "h2"));
    /**
     * -Dbench.db=h2-intake measures IntakeBenchmark's H2 database (target/bench-intake/db) as it is,
     * the same leads as on PostgreSQL, migrated to this commit first (never reseeded).
     */
    /** -Dbench.only=dashboard measures the dashboard alone (no searches, no bulk change). */
    static final boolean DASHBOARD_ONLY = "dashboard".equalsIgnoreCase(System.getProperty("bench.only", ""));

    static final boolean INTAKE_H2 = "h2-intake".equalsIgnoreCase(System.getProperty("bench.db", "h2"));
    /** Measuring a database IntakeBenchmark seeded (PostgreSQL or H2) instead of seeding one. */
    static final boolean SHARED = POSTGRES || INTAKE_H2;

    static {
        // a fresh database every run: delete the previous one before Spring and Flyway open it
        var dir = Path.of("target", "bench-db");
        if (Files.exists(dir) && !REUSE && !SHARED) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final String[] FIRST = {
        "Olivia", "Liam", "Emma", "Noah", "Ana", "Mateus", "Zoe", "Li", "Amara", "Lukas", "Priya", "Tom", "Sofia",
        "Kenji", "Fatima", "Grace", "Hiroshi", "Isabel", "Jakub", "Chen", "Lea", "Oskar", "Yara", "Daniel", "Aisha",
        "Marco", "Nina", "Sam", "Elif", "Carlos", "Hannah", "Ravi", "Ingrid", "Tomas", "Mei", "Felix", "Jose", "Ahmed"
    };
    private static final String[] LAST = {
        "Smith", "Souza", "Lima", "Brooks", "Lei", "Nwosu", "Schafer", "Raman", "Becker", "Rossi", "Watanabe",
        "Haddad", "Kowalski", "Johansson", "Khalil", "Oneill", "Tanaka", "Moreno", "Nowak", "Wei", "Dubois", "Berg",
        "Mansour", "Cohen", "Bello", "Bianchi", "Petrova", "Taylor", "Yilmaz", "Mendes", "Weber", "Kumar", "Nilsen",
        "Herrera", "Lin", "Wagner", "Fernandez", "Garcia", "Martin", "Patel", "Okafor", "Lindqvist", "Kim", "Novak"
    };
    private static final String[] COMPANY_WORDS = {
        "Fjord", "Kumo", "Cedar", "Orbit", "Atlas", "Tidewater", "Pixel", "Nordlicht", "Sakura", "Vega", "Sabia",
        "Harbor", "Granite", "Lumen", "Quartz", "Maple", "Comet", "Delta", "Echo", "Falcon", "Helix", "Iris",
        "Juniper", "Kite", "Lotus", "Meridian", "Nimbus", "Opal", "Pioneer", "Quill"
    };
    private static final String[] COMPANY_KINDS = {"Analytics", "Robotics", "Legal", "Travel", "Freight", "Bank", "Foods", "Insurance", "Payments", "Labs"};
    private static final String[] SOURCES = {"google", "newsletter", "linkedin", "direct", "partner-blog", "news.ycombinator.com", "twitter", "github.com", "reddit.com", "podcast"};
    private static final String[] DOMAINS = {"fastmail.example", "outlook.example", "mail.example", "corp.example"};

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        if (INTAKE_H2) {
            registry.add(
                    "spring.datasource.url",
                    () -> "jdbc:h2:file:./target/bench-intake/db/db;DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE");
            registry.add("stackdesk.mail.dispatcher.enabled", () -> "false");
            registry.add("stackdesk.routing.sweep-interval", () -> "1h");
            registry.add("stackdesk.sla.sweep-interval", () -> "1h");
            registry.add("stackdesk.search.index-sweep", () -> "1h");
            registry.add("spring.flyway.out-of-order", () -> "true");
            return;
        }
        if (!POSTGRES) {
            return;
        }
        var url = System.getProperty("bench.pg.url", "");
        if (url.isBlank()) {
            throw new IllegalStateException("-Dbench.db=postgres needs -Dbench.pg.url");
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> System.getProperty("bench.pg.user", "postgres"));
        registry.add("spring.datasource.password", () -> System.getProperty("bench.pg.password", ""));
        // the database is shared with IntakeBenchmark: send none of its queued emails
        registry.add("stackdesk.mail.dispatcher.enabled", () -> "false");
        registry.add("stackdesk.routing.sweep-interval", () -> "1h");
        // nor take deadline steps on its leads (seen taking thousands while the benchmark waited)
        registry.add("stackdesk.sla.sweep-interval", () -> "1h");
        registry.add("stackdesk.search.index-sweep", () -> "1h");
        // nor migrate it: an app of another commit may be measured on it next (the grid's indexes are
        // older than any migration it could lack; the table's header names its schema version)
        registry.add("spring.flyway.enabled", () -> "false");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadSearch search;

    @Autowired
    LeadStatistics statistics;

    @Autowired
    LeadBulkWork bulk;

    @Autowired
    LeadSearchIndex searchIndex;

    @Autowired
    ApplicationContext app;

    record Result(String name, long averageMatches, double p50, double p95, double max) {}

    @Test
    void gridQueriesAtAMillionLeads() throws Exception {
        long seedStart = System.nanoTime();
        var indexing = Duration.ZERO;
        if (!REUSE && !SHARED) {
            seed();
            // the search terms of leads seeded with SQL, as after migration V70 on an existing database
            long indexStart = System.nanoTime();
            jdbc.sql("DELETE FROM lead_search_backfill").update();
            jdbc.sql("INSERT INTO lead_search_backfill (id, next_lead_id, last_lead_id)"
                            + " SELECT 1, 0, MAX(id) FROM lead")
                    .update();
            searchIndex.backfill();
            indexing = Duration.ofNanos(System.nanoTime() - indexStart);
        }
        var seeded = Duration.ofNanos(System.nanoTime() - seedStart);
        signInAsManager();

        // every run asks something slightly different (another stack, rep, month, name), and H2's
        // reuse of an identical query's last result is off: each run really reads the tables
        var stacks = StackLeaning.values();
        String[] names;
        String[] companies;
        long[] assignees;
        Instant newest;
        long rangeStepDays;
        if (SHARED) {
            // IntakeBenchmark's leads: "zoe.<i>@company<i % 5000>.example" at "Company <i % 5000> AB",
            // one every 7 s back from its seeding (about 81 days), assigned round robin to its four reps
            names = new String[] {"zoe.123", "zoe.456", "zoe.789", "zoe.246", "zoe.135", "zoe.864"};
            companies = new String[] {"Company 123", "Company 456", "Company 789", "Company 246", "Company 135"};
            assignees = jdbc.sql("SELECT id FROM staff WHERE role = 'SALES' ORDER BY id")
                    .query(Long.class)
                    .list()
                    .stream()
                    .mapToLong(Long::longValue)
                    .toArray();
            newest = jdbc.sql("SELECT MAX(created_at) FROM lead")
                    .query(java.time.OffsetDateTime.class)
                    .single()
                    .toInstant();
            rangeStepDays = 1;
        } else {
            names = new String[] {"olivia.smith", "liam.souza", "emma.lima", "noah.brooks", "ana.lei", "mateus.nwosu"};
            companies = new String[] {"Tidewater Bank", "Fjord Analytics", "Kumo Robotics", "Cedar Legal", "Orbit Travel"};
            assignees = java.util.stream.LongStream.rangeClosed(1, 20).toArray();
            newest = NOW.minus(Duration.ofDays(30));
            rangeStepDays = 7;
        }
        var queries = new ArrayList<Query>();
        queries.add(new Query("No filter, newest first", run -> LeadFilter.NONE));
        queries.add(new Query(
                "Status NEW + one stack",
                run -> LeadFilter.builder().status(LeadStatus.NEW).stack(stacks[run % stacks.length]).build()));
        queries.add(new Query(
                "One assignee",
                run -> LeadFilter.builder().assignee(LeadFilter.Assignee.of(assignees[run % assignees.length])).build()));
        queries.add(new Query("Created in a 30-day range", run -> {
            var from = newest.minus(Duration.ofDays(30 + rangeStepDays * run));
            return LeadFilter.builder().created(from, from.plus(Duration.ofDays(30))).build();
        }));
        queries.add(new Query(
                "Search: email prefix (e.g. \"" + names[0] + "\")",
                run -> LeadFilter.builder().query(names[run % names.length]).build()));
        queries.add(new Query(
                "Search: company (e.g. \"" + companies[0] + "\")",
                run -> LeadFilter.builder().query(companies[run % companies.length]).build()));
        var words = java.util.Arrays.stream(companies).map(c -> c.substring(c.lastIndexOf(' ') + 1)).toArray(String[]::new);
        queries.add(new Query(
                "Search: a word inside the company (e.g. \"" + words[0] + "\")",
                run -> LeadFilter.builder().query(words[run % words.length]).build()));
        var broad = SHARED ? "zoe" : "example";
        queries.add(new Query(
                "Search: a word (nearly) every lead has (\"" + broad + "\"; counted to 20,001)",
                run -> LeadFilter.builder().query(broad).build()));
        long maxId = jdbc.sql("SELECT MAX(id) FROM lead").query(Long.class).single();
        var references = new ArrayList<String>();
        for (int i = 0; i < RUNS + WARMUP; i++) {
            references.addAll(jdbc.sql("SELECT reference FROM lead WHERE id >= ? ORDER BY id FETCH FIRST 1 ROWS ONLY")
                    .param(1 + (maxId * (i * 7919L % (RUNS + WARMUP))) / (RUNS + WARMUP))
                    .query(String.class)
                    .list());
        }
        queries.add(new Query(
                "Search: a reference (e.g. \"" + references.getFirst() + "\")",
                run -> LeadFilter.builder().query(references.get(run % references.size())).build()));
        var results = new ArrayList<Result>();
        if (!DASHBOARD_ONLY) {
            for (var query : queries) {
                results.add(measure(query.name(), query.filters()));
            }
        }
        results.addAll(measureDashboard());
        if (SHARED && !DASHBOARD_ONLY) {
            results.addAll(measureBulkReassign(newest, assignees));
        }

        var table = new StringBuilder();
        if (SHARED) {
            table.append(String.format(Locale.ROOT, "%n%,d leads in %s %s (%s, schema version %s; IntakeBenchmark's, not reseeded); %d runs of count + first page (50 rows) each, after %d warm-up runs%n%n",
                    jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single(),
                    POSTGRES ? "PostgreSQL" : "H2",
                    POSTGRES ? System.getProperty("bench.pg.url") : "target/bench-intake/db",
                    POSTGRES
                            ? jdbc.sql("SELECT version()").query(String.class).single().replaceAll(" on .*", "")
                            : "H2 " + jdbc.sql("SELECT H2VERSION()").query(String.class).single(),
                    jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                                    + " ORDER BY \"installed_rank\" DESC FETCH FIRST 1 ROWS ONLY")
                            .query(String.class)
                            .single(),
                    RUNS, WARMUP));
        } else {
            table.append(String.format(Locale.ROOT, "%n%,d leads in H2 (file), seeded in %d s (their search terms indexed in %d s of it); %d runs of count + first page (50 rows) each, after %d warm-up runs%n%n",
                    LEADS, seeded.toSeconds(), indexing.toSeconds(), RUNS, WARMUP));
        }
        table.append("| query | matches (avg) | p50 (ms) | p95 (ms) | max (ms) |\n|---|---:|---:|---:|---:|\n");
        for (var r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f |%n", r.name(), r.averageMatches(), r.p50(), r.p95(), r.max()));
        }
        System.out.println(table);
        var suffix = POSTGRES ? "-postgres" : INTAKE_H2 ? "-h2-intake" : "";
        Files.writeString(Path.of("target", "bench-results" + suffix + ".md"), table.toString());
        if (SHARED) {
            var plans = new StringBuilder();
            for (var query : queries) {
                plans.append(explain(query.name(), query.filters().apply(0)));
            }
            System.out.println(plans);
            Files.writeString(Path.of("target", "bench-plans" + suffix + ".txt"), plans.toString());
        }
    }

    record Query(String name, java.util.function.IntFunction<LeadFilter> filters) {}

    /**
     * The plans of what {@link LeadSearch} runs for this filter as a manager (its count and its
     * first page), executed with the parameters of the first measured run.
     */
    private String explain(String name, LeadFilter filter) {
        var out = new StringBuilder("\n=== " + name + " ===\n");
        if (filter.query() != null && filter.toBuilder().query(null).build().equals(LeadFilter.NONE)) {
            var query = LeadSql.rarestFirst(jdbc, LeadSearchTerms.query(filter.query()));
            out.append(plan(
                    LeadSql.searchIds(query) + " FETCH FIRST " + (LeadSql.MAX_SEARCH_IDS + 1) + " ROWS ONLY",
                    LeadSql.searchParams(query)));
            var ids = search.page(filter, List.of(LeadOrder.NEWEST_FIRST), 0, 50).stream()
                    .map(LeadRow::id)
                    .toArray(Long[]::new);
            out.append(plan(
                    "SELECT " + LeadSql.ROW_COLUMNS + " FROM lead WHERE id = ANY(?) ORDER BY created_at DESC, id DESC",
                    List.of((Object) ids)));
            return out.toString();
        }
        var sql = LeadSql.where(filter, null);
        if (LeadSql.selectsAllButSpam(filter, null)) {
            out.append(plan("SELECT COUNT(*) FROM lead", List.of()));
            out.append(plan("SELECT COUNT(*) FROM lead WHERE suspected_spam = TRUE", List.of()));
        } else {
            out.append(plan("SELECT COUNT(*) FROM lead WHERE " + sql.where, sql.params));
        }
        var params = new ArrayList<>(sql.params);
        params.add(0);
        params.add(50);
        out.append(plan(
                "SELECT " + LeadSql.ROW_COLUMNS + " FROM lead WHERE " + sql.where + " ORDER BY "
                        + LeadSql.orderBy(List.of(LeadOrder.NEWEST_FIRST), filter)
                        + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                params));
        return out.toString();
    }

    private String plan(String sql, List<Object> params) {
        var lines = jdbc.sql((POSTGRES ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ") + sql)
                .params(params)
                .query(String.class)
                .list();
        return sql + "\n  " + String.join("\n  ", lines) + "\n\n";
    }

    private Result measure(String name, java.util.function.IntFunction<LeadFilter> filters) {
        java.util.function.IntFunction<Long> visit = run -> {
            var filter = filters.apply(run);
            long count = search.count(filter);
            var page = search.page(filter, List.of(LeadOrder.NEWEST_FIRST), 0, 50);
            if (page.size() != Math.min(50, count)) {
                throw new IllegalStateException(name + ": page of " + page.size() + " for a count of " + count);
            }
            return count;
        };
        for (int i = 0; i < WARMUP; i++) {
            visit.apply(RUNS + i);
        }
        long matches = 0;
        var times = new ArrayList<Double>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            matches += visit.apply(i);
            times.add((System.nanoTime() - start) / 1_000_000.0);
        }
        matches /= RUNS;
        times.sort(Comparator.naturalOrder());
        return new Result(name, matches, percentile(times, 50), percentile(times, 95), times.getLast());
    }

    /**
     * Everything the dashboard computes for one manager's visit, timed as a whole and by part: the
     * overview (counts, weekly bars, charts over the last 90 days, open load), the first-response
     * figures of the last 30 days and the reps' figures for the default period of 30 days.
     */
    private List<Result> measureDashboard() {
        for (int i = 0; i < 2; i++) {
            statistics.overview();
            statistics.responseFigures();
            statistics.repFigures(30);
        }
        var overview = new ArrayList<Double>();
        var responses = new ArrayList<Double>();
        var reps = new ArrayList<Double>();
        var visits = new ArrayList<Double>();
        long leads = 0;
        long answered = 0;
        long repLeads = 0;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            var figures = statistics.overview();
            long afterOverview = System.nanoTime();
            var firstResponses = statistics.responseFigures();
            long afterResponses = System.nanoTime();
            var period = statistics.repFigures(30);
            long end = System.nanoTime();
            overview.add((afterOverview - start) / 1_000_000.0);
            responses.add((afterResponses - afterOverview) / 1_000_000.0);
            reps.add((end - afterResponses) / 1_000_000.0);
            visits.add((end - start) / 1_000_000.0);
            leads = figures.byStatus().values().stream().mapToLong(Long::longValue).sum();
            answered = firstResponses.all().measured();
            repLeads = period.byRep().values().stream()
                    .mapToLong(r -> r.answered() + (long) r.closed())
                    .sum();
        }
        var results = new ArrayList<Result>();
        for (var timed : List.of(
                java.util.Map.entry("Dashboard: a manager's visit, all figures (10 runs)", visits),
                java.util.Map.entry("Dashboard: overview (counts, charts over the last 90 days)", overview),
                java.util.Map.entry("Dashboard: first responses of the last 30 days", responses),
                java.util.Map.entry("Dashboard: reps' figures for 30 days", reps))) {
            var times = timed.getValue();
            times.sort(Comparator.naturalOrder());
            long matches = timed.getValue() == responses ? answered : timed.getValue() == reps ? repLeads : leads;
            results.add(new Result(timed.getKey(), matches, percentile(times, 50), percentile(times, 95), times.getLast()));
        }
        return results;
    }

    /**
     * A manager's "reassign all matching" on the leads of 18 hours ten days back (IntakeBenchmark's
     * leads come one every 7 s: some 9,300, under {@link LeadBulkWork#LIMIT}), to one rep and then
     * to another: each lead read, changed and put on its timeline as one change to one lead is, 200
     * a transaction. The only measurement here that changes the shared database (those leads' owners).
     */
    private List<Result> measureBulkReassign(Instant newest, long[] assignees) {
        var from = newest.minus(Duration.ofDays(10));
        var filter = LeadFilter.builder().created(from, from.plus(Duration.ofHours(18))).build();
        var results = new ArrayList<Result>();
        for (int i = 0; i < 2; i++) {
            long to = assignees[i % assignees.length];
            long start = System.nanoTime();
            var result = bulk.reassign(new BulkChange.Matching(filter), to, (done, of) -> {});
            double millis = (System.nanoTime() - start) / 1_000_000.0;
            results.add(new Result(
                    String.format(Locale.ROOT, "Bulk: reassign all matching (18 hours of leads) to rep #%d, %,d changed, %,d already theirs (one run)", to, result.changed(), result.unchanged()),
                    result.changed() + result.unchanged() + result.skipped().size(),
                    millis,
                    millis,
                    millis));
        }
        return results;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private void signInAsManager() {
        var principal = new StaffPrincipal(1, "bench", "Bench Manager", null, List.of("SALES", "MANAGER"), true, 0, null);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        app.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(s -> s.setContext(context));
    }

    private void seed() throws Exception {
        var random = new Random(42);
        var statuses = new String[] {"NEW", "CONTACTED", "QUALIFIED", "PROPOSAL", "WON", "LOST"};
        int[] statusWeights = {10, 15, 10, 5, 20, 40};
        var stacks = StackLeaning.values();
        long span = Duration.ofDays(730).toSeconds();
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            var sql = "INSERT INTO lead (reference, kind, first_name, last_name, email, company, stack, status, created_at,"
                    + " utm_source, consent_version, consent_at, fingerprint, suspected_spam, assignee_id,"
                    + " first_response_at, version, source_label, search_name, search_last_name, search_email,"
                    + " search_company) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
            try (var insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < LEADS; i++) {
                    var first = FIRST[random.nextInt(FIRST.length)];
                    var last = LAST[random.nextInt(LAST.length)];
                    var email = (first + "." + last + (i % 997) + "@" + DOMAINS[random.nextInt(DOMAINS.length)]).toLowerCase(Locale.ROOT);
                    var company = random.nextInt(4) == 0
                            ? null
                            : COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)] + " " + COMPANY_KINDS[random.nextInt(COMPANY_KINDS.length)];
                    var status = weighted(random, statuses, statusWeights);
                    var created = NOW.minusSeconds((long) (random.nextDouble() * span));
                    var source = SOURCES[random.nextInt(SOURCES.length)];
                    int p = 1;
                    insert.setString(p++, String.format("B%011d", i));
                    insert.setString(p++, random.nextInt(3) == 0 ? "DEVELOPMENT_PLAN" : "CONSULTATION");
                    insert.setString(p++, first);
                    insert.setString(p++, last);
                    insert.setString(p++, email);
                    insert.setString(p++, company);
                    insert.setString(p++, stacks[random.nextInt(stacks.length)].name());
                    insert.setString(p++, status);
                    insert.setTimestamp(p++, Timestamp.from(created));
                    insert.setString(p++, "direct".equals(source) ? null : source);
                    insert.setString(p++, "bench");
                    insert.setTimestamp(p++, Timestamp.from(created));
                    insert.setString(p++, Integer.toHexString(i));
                    insert.setBoolean(p++, random.nextInt(100) == 0);
                    if (random.nextInt(20) == 0) {
                        insert.setNull(p++, java.sql.Types.BIGINT);
                    } else {
                        insert.setLong(p++, 1 + random.nextInt(20));
                    }
                    if ("NEW".equals(status)) {
                        insert.setNull(p++, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        insert.setTimestamp(p++, Timestamp.from(created.plusSeconds(600 + random.nextInt(86_400))));
                    }
                    insert.setLong(p++, 0);
                    insert.setString(p++, source);
                    insert.setString(p++, LeadSearchTerms.normalize(first + " " + last));
                    insert.setString(p++, LeadSearchTerms.normalize(last));
                    insert.setString(p++, LeadSearchTerms.normalize(email));
                    insert.setString(p++, company == null ? null : LeadSearchTerms.normalize(company));
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                    if (i % 100_000 == 99_999) {
                        System.out.printf("seeded %,d leads%n", i + 1);
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            try (var analyze = connection.createStatement()) {
                analyze.execute("ANALYZE");
            }
            connection.commit();
        }
    }

    private static String weighted(Random random, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
