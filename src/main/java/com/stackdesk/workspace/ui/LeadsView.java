package com.stackdesk.workspace.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.Plurals;
import com.stackdesk.base.StaffPrincipal;
import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.export.LeadCsvDownload;
import com.stackdesk.lead.LeadFilter;
import com.stackdesk.lead.LeadFilterParameters;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadOrder;
import com.stackdesk.lead.LeadRow;
import com.stackdesk.lead.LeadSearch;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.StaffDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * All leads the signed-in person may see, a page at a time from SQL. The filters live in the URL
 * ({@code /leads?status=NEW&stack=GO&q=ana}) so a filtered view can be bookmarked and shared.
 */
@Route(value = "leads", layout = MainLayout.class)
@PageTitle("Leads")
@RolesAllowed("SALES")
public class LeadsView extends Main implements BeforeEnterObserver {

    /** An entry of the assignee filter: a key for the URL and a label for people. */
    static final String DUE = "due";

    static final String OVERDUE = "overdue";

    /** {@code focus=search}: the search box gets the focus (the lead page's "/" key). */
    static final String FOCUS = "focus";

    /** {@code at=SD-…}: the grid scrolls to that lead's row (the lead page's Back). */
    static final String AT = "at";

    record AssigneeChoice(String key, String label) {
        static final AssigneeChoice UNASSIGNED = new AssigneeChoice("none", "Unassigned");
        static final AssigneeChoice ME = new AssigneeChoice("me", "Me");
    }

    final TextField search = new TextField("Search");
    final ComboBox<LeadStatus> status = new ComboBox<>("Status");
    final ComboBox<LeadKind> kind = new ComboBox<>("Kind");
    final ComboBox<StackLeaning> stack = new ComboBox<>("Stack leaning");
    final ComboBox<AssigneeChoice> assignee = new ComboBox<>("Assignee");
    final DatePicker createdFrom = new DatePicker("Created from");
    final DatePicker createdTo = new DatePicker("Created to");
    final ComboBox<String> source = new ComboBox<>("Source");
    final ComboBox<String> due = new ComboBox<>("Due");
    final Checkbox showSpam = new Checkbox("Show suspected spam");
    final Checkbox callBooked = new Checkbox("Call booked");
    final Button clear = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create());
    final Grid<LeadRow> grid = new Grid<>();
    final Span total = new Span();
    /** On a phone: shows or hides the filters other than the search box. */
    final Button filtersToggle = new Button("Filters", VaadinIcon.FILTER.create());
    /** On a phone: shows the columns left out for lack of width, or leaves them out again. */
    final Button columnsToggle = new Button("All columns");

    final Anchor export;

    /** Which of the URL's filters could not be used, if any. */
    final Div linkProblems = new Div();

    private final LeadSearch leads;
    private final StaffDirectory staff;
    private @Nullable Long count;
    private final StaffPrincipal user;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean mine;
    private Grid.@Nullable Column<LeadRow> dueColumn;
    private final Map<Long, String> names;
    // read by the CSV download from its own request thread
    private volatile LeadFilter filter = LeadFilter.NONE;
    private volatile List<LeadOrder> sortedBy = List.of();
    private boolean applyingUrl;
    private boolean narrow;
    private boolean allColumns;
    /** Whether the grid shows only the lead column, as a summary of each lead (a phone). */
    private boolean summaryOnly;

    private @Nullable Registration resizeListener;

    /** Below this window width (px) the grid keeps only the columns a rep scans by. */
    static final int NARROW = 700;

    @Autowired
    LeadsView(LeadSearch leads, StaffDirectory staff, CurrentUser currentUser, Clock clock, LeadCsvDownload csv) {
        this(leads, staff, currentUser, clock, csv, false);
    }

    protected LeadsView(
            LeadSearch leads,
            StaffDirectory staff,
            CurrentUser currentUser,
            Clock clock,
            LeadCsvDownload csv,
            boolean mine) {
        this.leads = leads;
        this.staff = staff;
        this.user = currentUser.require();
        this.clock = clock;
        this.zone = currentUser.zone();
        this.mine = mine;
        this.names = staff.namesById();
        addClassNames("sd-page", "sd-leads");

        var heading = new H1(mine ? "My leads" : "Leads");
        total.addClassName("sd-muted");
        total.setId("lead-count");
        total.getElement().setAttribute("aria-live", "polite");
        export = csv.link(() -> filter, () -> sortedBy);
        var head = new Div(heading, total, export);
        head.addClassName("sd-lead-head");

        configureFilters(staff.activeAssignees());
        configureGrid();
        var filters = new Div(
                search,
                filtersToggle,
                status,
                kind,
                stack,
                assignee,
                due,
                createdFrom,
                createdTo,
                source,
                callBooked,
                showSpam,
                clear);
        filters.addClassName("sd-filters");
        filters.getElement().setAttribute("role", "search");
        filters.getElement().setAttribute("aria-label", "Filter leads");
        linkProblems.addClassName("sd-link-problems");
        linkProblems.getElement().setAttribute("role", "alert");
        linkProblems.setVisible(false);
        filtersToggle.addClassName("sd-filters-toggle");
        filtersToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        filtersToggle.getElement().setAttribute("aria-expanded", "false");
        filtersToggle.addClickListener(e -> {
            boolean open = !filters.hasClassName("sd-filters-open");
            filters.setClassName("sd-filters-open", open);
            filtersToggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
        columnsToggle.addClassName("sd-columns-toggle");
        columnsToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        columnsToggle.setVisible(false);
        columnsToggle.addClickListener(e -> {
            allColumns = !allColumns;
            showColumns();
        });
        head.add(columnsToggle);
        add(head, linkProblems, filters, grid);
        addAttachListener(e -> {
            var page = e.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> fitColumnsTo(details.getWindowInnerWidth()));
            resizeListener = page.addBrowserWindowResizeListener(resize -> fitColumnsTo(resize.getWidth()));
        });
        addDetachListener(e -> {
            if (resizeListener != null) {
                resizeListener.remove();
            }
        });
        new KeyShortcuts().add("Search", search::focus, "/").bindTo(this);
    }

    private void configureFilters(List<StaffDirectory.Assignee> assignees) {
        search.setPlaceholder("Name, email or company");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("sd-search");

        status.setItems(LeadStatus.values());
        status.setItemLabelGenerator(LeadStatus::label);
        kind.setItems(LeadKind.values());
        kind.setItemLabelGenerator(LeadKind::label);
        stack.setItems(StackLeaning.values());
        stack.setItemLabelGenerator(StackLeaning::label);

        var choices = new ArrayList<AssigneeChoice>();
        choices.add(AssigneeChoice.ME);
        choices.add(AssigneeChoice.UNASSIGNED);
        if (user.isManager()) {
            assignees.stream()
                    .filter(m -> m.id() != user.staffId())
                    .forEach(m -> choices.add(new AssigneeChoice(String.valueOf(m.id()), m.fullName())));
        }
        assignee.setItems(choices);
        assignee.setItemLabelGenerator(AssigneeChoice::label);
        assignee.setPlaceholder("Anyone");
        assignee.setVisible(!mine);

        source.setItems(leads.sources());
        due.setItems(DUE, OVERDUE);
        due.setItemLabelGenerator(key -> DUE.equals(key) ? "Due (not yet overdue)" : "Overdue");
        due.setPlaceholder("Any");
        due.setTooltipText("What is due next on a lead: its first response or a follow-up");
        for (var box : List.of(status, kind, stack, assignee, source, due)) {
            box.setClearButtonVisible(true);
        }
        status.setPlaceholder("Any");
        kind.setPlaceholder("Any");
        stack.setPlaceholder("Any");
        source.setPlaceholder("Any");
        createdFrom.setClearButtonVisible(true);
        createdTo.setClearButtonVisible(true);

        search.addValueChangeListener(e -> filtersChanged());
        status.addValueChangeListener(e -> filtersChanged());
        kind.addValueChangeListener(e -> filtersChanged());
        stack.addValueChangeListener(e -> filtersChanged());
        assignee.addValueChangeListener(e -> filtersChanged());
        createdFrom.addValueChangeListener(e -> filtersChanged());
        createdTo.addValueChangeListener(e -> filtersChanged());
        source.addValueChangeListener(e -> filtersChanged());
        due.addValueChangeListener(e -> {
            // what is due reads best soonest first (and is read in that order from its index)
            if (e.getValue() != null && dueColumn != null && !applyingUrl) {
                grid.sort(List.of(new GridSortOrder<>(dueColumn, SortDirection.ASCENDING)));
            }
            filtersChanged();
        });
        showSpam.addValueChangeListener(e -> filtersChanged());
        callBooked.addValueChangeListener(e -> filtersChanged());

        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> {
            applyingUrl = true;
            search.clear();
            status.clear();
            kind.clear();
            stack.clear();
            assignee.clear();
            createdFrom.clear();
            createdTo.clear();
            source.clear();
            due.clear();
            showSpam.clear();
            callBooked.clear();
            applyingUrl = false;
            filtersChanged();
        });
    }

    private void configureGrid() {
        grid.addColumn(new ComponentRenderer<>(row -> summaryOnly ? summary(row) : leadLink(row)))
                .setHeader("Lead")
                .setKey("lead")
                .setFrozen(true)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(row -> {
                    var name = new Span(row.fullName());
                    name.addClassName("sd-contact-name");
                    var email = new Span(row.email());
                    email.addClassName("sd-contact-email");
                    var contact = new Div(name, email);
                    contact.addClassName("sd-contact");
                    return contact;
                }))
                .setHeader("Contact")
                .setKey("contact")
                .setSortProperty(LeadOrder.Field.NAME.name())
                .setWidth("16rem")
                .setFlexGrow(1);
        grid.addColumn(row -> Optional.ofNullable(row.company()).orElse("—"))
                .setHeader("Company")
                .setKey("company")
                .setSortProperty(LeadOrder.Field.COMPANY.name())
                .setWidth("10rem")
                .setFlexGrow(1);
        grid.addColumn(row -> row.stack().label())
                .setHeader("Stack")
                .setKey("stack")
                .setSortProperty(LeadOrder.Field.STACK.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> row.kind().label())
                .setHeader("Kind")
                .setKey("kind")
                .setSortProperty(LeadOrder.Field.KIND.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(row -> {
                    var badge = Formats.statusBadge(row.status());
                    return row.suspectedSpam() ? new Span(badge, new Span(" "), Formats.badge("Spam?", "spam")) : badge;
                }))
                .setHeader("Status")
                .setKey("status")
                .setSortProperty(LeadOrder.Field.STATUS.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        dueColumn = grid.addColumn(new ComponentRenderer<>(this::dueCell))
                .setHeader("Due")
                .setSortProperty(LeadOrder.Field.DUE.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> row.assigneeId() == null ? "Unassigned" : names.getOrDefault(row.assigneeId(), "—"))
                .setHeader("Assignee")
                .setKey("assignee")
                .setAutoWidth(true);
        grid.addColumn(LeadRow::sourceLabel)
                .setHeader("Source")
                .setKey("source")
                .setSortProperty(LeadOrder.Field.SOURCE.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(row -> row.hasFirstResponse()
                        ? Formats.badge("Answered", "answered")
                        : Formats.badge("Waiting", "waiting")))
                .setHeader("First response")
                .setKey("first-response")
                .setSortProperty(LeadOrder.Field.FIRST_RESPONSE_AT.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> Times.duration(row.ageAt(clock.instant())))
                .setHeader("Age")
                .setKey("age")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        var received = grid.addColumn(row -> Times.dateTime(row.createdAt(), zone))
                .setHeader("Received")
                .setKey("received")
                .setSortProperty(LeadOrder.Field.CREATED_AT.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setMultiSort(false);
        grid.setPageSize(50);
        // a row is a lead: keyed by its id, not by every column's value, so a lead whose row changed
        // between two reads (a deadline step, a follow-up) stays one row with one set of components
        grid.setItems(
                        query -> leads
                                .page(
                                        filter,
                                        sortedBy = orders(query.getSortOrders()),
                                        query.getOffset(),
                                        query.getLimit())
                                .stream(),
                        query -> (int) Math.min(Integer.MAX_VALUE, count()))
                .setIdentifierProvider(LeadRow::id);
        grid.sort(List.of(new GridSortOrder<>(received, SortDirection.DESCENDING)));
        grid.addItemClickListener(e ->
                grid.getUI().ifPresent(ui -> ui.navigate("leads/" + e.getItem().reference(), listParameters())));
        grid.addSortListener(e -> {
            if (!applyingUrl) {
                writeUrl();
            }
        });
        grid.getElement().setAttribute("aria-label", "Leads");
    }

    /** What is due next on the lead (first response or follow-up) and when, marked when overdue. */
    private Component dueCell(LeadRow row) {
        var at = row.nextDueAt();
        if (at == null) {
            return new Span("—");
        }
        var now = clock.instant();
        var what = new Span(row.nextDueIsResponse() ? "First response" : "Follow-up");
        what.addClassName("sd-muted");
        // overdue: by how long, in a badge; the full time is in the tooltip (and on the lead's page)
        var when = row.isOverdueAt(now)
                ? Formats.badge("Overdue " + Times.duration(java.time.Duration.between(at, now)), "overdue")
                : new Span(Times.due(at, now, zone));
        var cell = new Div(when, what);
        cell.getElement().setAttribute("title", "Due " + Times.dateTime(at, zone));
        cell.addClassName("sd-due-cell");
        return cell;
    }

    /**
     * Fits the grid to a window this many pixels wide: on a phone the lead column alone sums a lead
     * up (reference, age, name, status, first response); {@link #columnsToggle} brings the others back.
     */
    void fitColumnsTo(int windowWidth) {
        boolean nowNarrow = windowWidth > 0 && windowWidth < NARROW;
        if (nowNarrow != narrow) {
            narrow = nowNarrow;
            allColumns = false;
        }
        showColumns();
    }

    private void showColumns() {
        boolean summary = narrow && !allColumns;
        // only on a change: showing a column again renders its cells anew
        if (summary != summaryOnly) {
            summaryOnly = summary;
            grid.getColumns().forEach(column -> column.setVisible(!summary || "lead".equals(column.getKey())));
            grid.getColumnByKey("lead").setAutoWidth(!summary).setFlexGrow(summary ? 1 : 0);
            grid.getDataProvider().refreshAll();
        }
        columnsToggle.setVisible(narrow);
        columnsToggle.setText(allColumns ? "Fewer columns" : "All columns");
    }

    private RouterLink leadLink(LeadRow row) {
        var link = new RouterLink(
                row.reference(), LeadDetailView.class, new RouteParameters("reference", row.reference()));
        link.setQueryParameters(listParameters());
        link.getElement().setAttribute("aria-label", "Open lead " + row.reference() + " of " + row.fullName());
        return link;
    }

    /** A phone's one column: what a rep scans by (who, where it stands, how long it has waited). */
    private Div summary(LeadRow row) {
        var age = new Span(Times.duration(row.ageAt(clock.instant())));
        age.addClassName("sd-muted");
        var top = new Div(leadLink(row), age);
        top.addClassName("sd-summary-top");
        var name = new Span(row.fullName());
        name.addClassName("sd-contact-name");
        var badges = new Div(Formats.statusBadge(row.status()));
        badges.add(
                row.hasFirstResponse() ? Formats.badge("Answered", "answered") : Formats.badge("Waiting", "waiting"));
        if (row.suspectedSpam()) {
            badges.add(Formats.badge("Spam?", "spam"));
        }
        badges.addClassName("sd-summary-badges");
        var summary = new Div(top, name, badges);
        summary.addClassName("sd-summary");
        return summary;
    }

    private static List<LeadOrder> orders(List<QuerySortOrder> sortOrders) {
        return sortOrders.stream()
                .map(o -> new LeadOrder(
                        LeadOrder.Field.valueOf(o.getSorted()), o.getDirection() == SortDirection.ASCENDING))
                .toList();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parsed = LeadFilterParameters.parse(
                event.getLocation().getQueryParameters().getParameters(), user.staffId(), staff::idOf);
        var given = parsed.parameters();
        var ignored = new ArrayList<>(parsed.problems());
        applyingUrl = true;
        try {
            search.setValue(Optional.ofNullable(given.query()).orElse(""));
            status.setValue(given.status());
            kind.setValue(given.kind());
            stack.setValue(given.stack());
            assignee.setValue(null);
            if (given.assignee() != null && !mine) {
                var choice = assigneeChoice(given.assignee());
                choice.ifPresentOrElse(
                        assignee::setValue,
                        () -> ignored.add(new LeadFilterParameters.Problem(
                                "assignee", "not someone whose leads you can filter by")));
            }
            createdFrom.setValue(given.from());
            createdTo.setValue(given.to());
            source.setValue(given.source());
            showSpam.setValue(given.spam());
            due.setValue(given.overdue() == null ? null : given.overdue() ? OVERDUE : DUE);
            callBooked.setValue(given.callBooked());
        } finally {
            applyingUrl = false;
        }
        showIgnored(ignored);
        filter = currentFilter();
        count = null;
        applyingUrl = true;
        try {
            if (due.getValue() != null && dueColumn != null) {
                // a link to what is due lists it soonest first, as choosing the filter does
                grid.sort(List.of(new GridSortOrder<>(dueColumn, SortDirection.ASCENDING)));
            }
            applySort(given.sort());
        } finally {
            applyingUrl = false;
        }
        grid.getDataProvider().refreshAll();
        updateTotal();
        var query = event.getLocation().getQueryParameters();
        query.getSingleParameter(AT).ifPresent(reference -> {
            // back from a lead: its row (or where it would be) at the top
            long row = leads.position(filter, given.sort(), reference);
            if (row >= 0) {
                grid.scrollToIndex((int) Math.min(Integer.MAX_VALUE, row));
            }
        });
        if (query.getSingleParameter(FOCUS).filter("search"::equals).isPresent()) {
            search.focus();
        }
    }

    /** Tells the user which of the link's filters were left out, rather than showing more leads without a word. */
    private void showIgnored(List<LeadFilterParameters.Problem> problems) {
        linkProblems.removeAll();
        linkProblems.setVisible(!problems.isEmpty());
        if (problems.isEmpty()) {
            return;
        }
        var names = problems.stream()
                .map(p -> "\u201c" + p.parameter() + "\u201d")
                .distinct()
                .collect(Collectors.joining(", "));
        linkProblems.add(new Span((problems.size() == 1 ? "This link's filter " : "This link's filters ") + names
                + (problems.size() == 1 ? " was" : " were") + " ignored; the other filters apply. "));
        problems.forEach(p -> linkProblems.add(new Span(p + ". ")));
    }

    private void filtersChanged() {
        if (applyingUrl) {
            return;
        }
        filter = currentFilter();
        count = null;
        grid.getDataProvider().refreshAll();
        updateTotal();
        writeUrl();
    }

    private void writeUrl() {
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, new Location(mine ? "leads/mine" : "leads", queryParameters())));
    }

    /**
     * What a lead opened from this grid gets in its query string: the filters and order, and for
     * "My leads" {@code list=mine}, so its page walks this list and its Back returns here.
     */
    QueryParameters listParameters() {
        var params = new LinkedHashMap<String, List<String>>(queryParameters().getParameters());
        if (mine) {
            params.put(LeadDetailView.LIST, List.of("mine"));
        }
        return new QueryParameters(params);
    }

    /** The grid's order as the URL's {@code sort} value, or null for the default order. */
    private @Nullable String sortParameter() {
        var orders = orders(grid.getSortOrder().stream()
                .flatMap(o -> o.getSorted().getSortOrder(o.getDirection()))
                .toList());
        var byDefault = due.getValue() != null ? List.of(LeadOrder.DUE_FIRST) : List.of(LeadOrder.NEWEST_FIRST);
        if (orders.isEmpty() || orders.equals(byDefault)) {
            return null;
        }
        return orders.stream()
                .map(o -> (o.ascending() ? "" : "-") + o.field().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    /** Sorts the grid as the URL's {@code sort} says (the first criterion: the grid sorts by one column). */
    private void applySort(List<LeadOrder> sort) {
        if (sort.isEmpty()) {
            return;
        }
        var first = sort.getFirst();
        grid.getColumns().stream()
                .filter(c -> c.getSortOrder(SortDirection.ASCENDING)
                        .anyMatch(o -> o.getSorted().equals(first.field().name())))
                .findFirst()
                .ifPresent(column -> grid.sort(List.of(new GridSortOrder<>(
                        column, first.ascending() ? SortDirection.ASCENDING : SortDirection.DESCENDING))));
    }

    private void updateTotal() {
        long count = count();
        total.setText(Plurals.count(count, "lead"));
    }

    /** The current filter's count, counted once per filter: the total above the grid and the grid share it. */
    private long count() {
        if (count == null) {
            count = leads.count(filter);
        }
        return count;
    }

    LeadFilter currentFilter() {
        LeadFilter.Assignee who = null;
        if (mine) {
            who = LeadFilter.Assignee.of(user.staffId());
        } else if (assignee.getValue() != null) {
            var key = assignee.getValue().key();
            who = switch (key) {
                case "none" -> LeadFilter.Assignee.UNASSIGNED;
                case "me" -> LeadFilter.Assignee.of(user.staffId());
                default -> LeadFilter.Assignee.of(Long.parseLong(key));
            };
        }
        var now = clock.instant();
        return new LeadFilterParameters(
                        status.getValue(),
                        kind.getValue(),
                        stack.getValue(),
                        who,
                        createdFrom.getValue(),
                        createdTo.getValue(),
                        source.getValue(),
                        search.getValue(),
                        showSpam.getValue(),
                        List.of(),
                        callBooked.getValue(),
                        due.getValue() == null ? null : OVERDUE.equals(due.getValue()))
                .filter(now);
    }

    /** The filters as query parameters, leaving out what is not set. */
    QueryParameters queryParameters() {
        var params = new LinkedHashMap<String, String>();
        if (!search.getValue().isBlank()) {
            params.put("q", search.getValue().strip());
        }
        put(
                params,
                "status",
                status.getValue() == null ? null : status.getValue().name());
        put(params, "kind", kind.getValue() == null ? null : kind.getValue().name());
        put(params, "stack", stack.getValue() == null ? null : stack.getValue().name());
        if (!mine) {
            put(
                    params,
                    "assignee",
                    assignee.getValue() == null ? null : assignee.getValue().key());
        }
        put(
                params,
                "from",
                createdFrom.getValue() == null ? null : createdFrom.getValue().toString());
        put(
                params,
                "to",
                createdTo.getValue() == null ? null : createdTo.getValue().toString());
        put(params, "source", source.getValue());
        if (callBooked.getValue()) {
            params.put("call", "booked");
        }
        put(params, "due", due.getValue());
        if (showSpam.getValue()) {
            params.put("spam", "1");
        }
        put(params, "sort", sortParameter());
        return QueryParameters.simple(params);
    }

    private static void put(Map<String, String> params, String name, @Nullable String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private Optional<AssigneeChoice> assigneeChoice(LeadFilter.Assignee who) {
        String key = who.isUnassigned()
                ? AssigneeChoice.UNASSIGNED.key()
                : who.staffId() == user.staffId() ? AssigneeChoice.ME.key() : String.valueOf(who.staffId());
        return assignee.getListDataView()
                .getItems()
                .filter(c -> c.key().equals(key))
                .findFirst();
    }
}
