package com.stackdesk.workspace.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.Plurals;
import com.stackdesk.base.StaffPrincipal;
import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.export.LeadCsvDownload;
import com.stackdesk.intake.IntakeService;
import com.stackdesk.lead.BulkChange;
import com.stackdesk.lead.IllegalLeadChange;
import com.stackdesk.lead.LeadBulkWork;
import com.stackdesk.lead.LeadFilter;
import com.stackdesk.lead.LeadFilterParameters;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadOrder;
import com.stackdesk.lead.LeadRow;
import com.stackdesk.lead.LeadSearch;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.LeadVersion;
import com.stackdesk.lead.LostReasons;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.StaffDirectory;
import com.stackdesk.workspace.GridColumns;
import com.stackdesk.workspace.SavedViews;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridMultiSelectionModel;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * All leads the signed-in person may see, a page at a time from SQL. The filters and the sort
 * live in the URL ({@code /leads?status=NEW&stack=GO&q=ana&sort=created_at}) so a filtered view can
 * be bookmarked, shared and saved under a name (see {@link SavedViewsDialog}). The grid leads with
 * the person and what a rep scans by; the other columns are one choice away and remembered per
 * person. Ticked rows (or all matching) can be moved, reassigned, taken or exported at once.
 */
@Route(value = "leads", layout = MainLayout.class)
@PageTitle("Leads")
@RolesAllowed("SALES")
public class LeadsView extends Main implements BeforeEnterObserver {

    static final String DUE = "due";

    static final String OVERDUE = "overdue";

    /** The columns shown until a person chooses, in the grid's order (the person column always shows). */
    static final List<String> DEFAULT_COLUMNS = List.of("status", "stack", "owner", "age", "due");

    /** A selection above this many leads is changed off the UI thread, with a progress bar. */
    static final int CHANGED_IN_THE_BACKGROUND_ABOVE = 200;

    /** {@code focus=search}: the search box gets the focus (the lead page's "/" key). */
    static final String FOCUS = "focus";

    /** {@code at=SD-…}: the grid scrolls to that lead's row (the lead page's Back). */
    static final String AT = "at";

    /** An entry of the assignee filter: a key for the URL and a label for people. */
    record AssigneeChoice(String key, String label) {
        static final AssigneeChoice UNASSIGNED = new AssigneeChoice("none", "Unassigned");
        static final AssigneeChoice ME = new AssigneeChoice("me", "Me");
    }

    final TextField search = new TextField();
    final ComboBox<LeadStatus> status = new ComboBox<>();
    final ComboBox<StackLeaning> stack = new ComboBox<>();
    final ComboBox<AssigneeChoice> assignee = new ComboBox<>();
    final ComboBox<LeadKind> kind = new ComboBox<>("Kind");
    final ComboBox<String> due = new ComboBox<>("Due");
    final DatePicker createdFrom = new DatePicker("Received from");
    final DatePicker createdTo = new DatePicker("Received to");
    final ComboBox<String> source = new ComboBox<>("Source");
    /** Lost leads lost for this reason (a label of the list, "Other" or "Not given"). */
    final ComboBox<String> lostReason = new ComboBox<>("Lost reason");

    final Checkbox showSpam = new Checkbox("Show suspected spam");
    final Checkbox callBooked = new Checkbox("Call booked");
    final Button clear = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create());
    /** Shows or hides the filters used less often. */
    final Button moreFilters = new Button("More filters", VaadinIcon.SLIDERS.create());

    final Div more = new Div();
    /** On a phone: shows or hides the filters other than the search box. */
    final Button filtersToggle = new Button("Filters", VaadinIcon.FILTER.create());

    final Grid<LeadRow> grid = new Grid<>();
    /** On a phone: one card per lead instead of the grid. */
    final VirtualList<LeadRow> cards = new VirtualList<>();

    final Span total = new Span();
    final Anchor export;

    /** Says there is nothing to show and how to widen the list. */
    final Div emptyState = new Div();

    final Paragraph emptyMessage = new Paragraph();
    final Button emptyClear = new Button("Clear the filters");

    final Button columnsButton = new Button("Columns", VaadinIcon.COG_O.create());
    final CheckboxGroup<String> columnChoice = new CheckboxGroup<>("Show columns");
    final Button saveView = new Button("Views", VaadinIcon.BOOKMARK_O.create());
    final Button newLead = new Button("New lead", VaadinIcon.PLUS.create());

    final Div bulkBar = new Div();
    final Span selectionText = new Span();
    final Button selectAllMatching = new Button();
    final Button clearSelection = new Button("Clear selection");
    final ComboBox<LeadStatus> bulkStatus = new ComboBox<>();
    final TextField bulkLostReason = new TextField();
    final Button applyStatus = new Button("Move");
    final ComboBox<AssigneeChoice> bulkAssignee = new ComboBox<>();
    final Button applyAssignee = new Button("Assign");
    final Button takeSelected = new Button("Take", VaadinIcon.HAND.create());
    final Anchor exportSelection;
    final ProgressBar bulkProgress = new ProgressBar();
    /** What the last bulk change did, leads left alone named. */
    final Div bulkOutcome = new Div();

    /** Which of the URL's filters could not be used, if any. */
    final Div linkProblems = new Div();
    /** The link's filters that have no field of their own (the dashboard's "open", "answered late"), with a way out. */
    final Div linkFilters = new Div();

    private final LeadSearch leads;
    private final LeadBulkWork bulk;
    private final StaffDirectory staff;
    private final GridColumns gridColumns;
    private final SavedViews savedViews;
    private final IntakeService intake;
    private final LostReasons lostReasons;
    private @Nullable Long count;
    private final StaffPrincipal user;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean mine;
    private final Map<Long, String> names;
    /** The optional columns by key, in the grid's order. */
    private final Map<String, Grid.Column<LeadRow>> optional = new LinkedHashMap<>();

    private Grid.@Nullable Column<LeadRow> ageColumn;
    private Grid.@Nullable Column<LeadRow> dueColumn;
    // read by the CSV download from its own request thread
    private volatile LeadFilter filter = LeadFilter.NONE;
    private volatile List<LeadOrder> sortedBy = List.of();
    private volatile List<Long> selectedIds = List.of();
    /** Whether the whole filter's result is selected, not only the ticked rows. */
    private boolean allMatching;

    private boolean applyingUrl;
    private @Nullable Boolean openFromLink;
    private com.stackdesk.lead.LeadFilter.FirstResponse.@Nullable State responseFromLink;
    private boolean narrow;
    private boolean bulkRunning;
    private @Nullable Registration resizeListener;
    /** The saved-views dialog last opened, for tests. */
    @Nullable
    SavedViewsDialog viewsDialog;
    /** The new-lead dialog last opened, for tests. */
    @Nullable
    NewLeadDialog newLeadDialog;

    /** Below this window width (px) the leads show as cards. */
    static final int NARROW = 700;

    @Autowired
    LeadsView(
            LeadSearch leads,
            LeadBulkWork bulk,
            StaffDirectory staff,
            GridColumns gridColumns,
            SavedViews savedViews,
            IntakeService intake,
            LostReasons lostReasons,
            CurrentUser currentUser,
            Clock clock,
            LeadCsvDownload csv) {
        this(leads, bulk, staff, gridColumns, savedViews, intake, lostReasons, currentUser, clock, csv, false);
    }

    protected LeadsView(
            LeadSearch leads,
            LeadBulkWork bulk,
            StaffDirectory staff,
            GridColumns gridColumns,
            SavedViews savedViews,
            IntakeService intake,
            LostReasons lostReasons,
            CurrentUser currentUser,
            Clock clock,
            LeadCsvDownload csv,
            boolean mine) {
        this.leads = leads;
        this.bulk = bulk;
        this.staff = staff;
        this.gridColumns = gridColumns;
        this.savedViews = savedViews;
        this.intake = intake;
        this.lostReasons = lostReasons;
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
        exportSelection = csv.link(this::selectionFilter, () -> sortedBy);
        var spacer = new Span();
        spacer.addClassName("sd-spacer");
        var head = new Div(heading, total, spacer, newLead, saveView, columnsButton, export);
        head.addClassName("sd-lead-head");

        var assignees = staff.activeAssignees();
        configureFilters(assignees);
        configureGrid();
        configureCards();
        configureColumnChooser();
        configureBulkBar(assignees);
        configureEmptyState();
        newLead.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newLead.addClickListener(e -> {
            newLeadDialog = new NewLeadDialog(intake, ref -> refresh());
            newLeadDialog.open();
        });
        saveView.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        saveView.setTooltipText("Save these filters and this order under a name; rename or delete your views");
        saveView.addClickListener(e -> openViews());

        var filters = new Div(search, filtersToggle, status, stack, assignee, moreFilters, clear, more);
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
        linkFilters.addClassName("sd-link-filters");
        linkFilters.setVisible(false);
        add(head, linkProblems, linkFilters, filters, bulkBar, bulkOutcome, emptyState, grid, cards);
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
        cards.setVisible(false);
        new KeyShortcuts().add("Search", search::focus, "/").bindTo(this);
    }

    private void configureFilters(List<StaffDirectory.Assignee> assignees) {
        // short enough to show whole in the box at 1366 px and on a phone; the tooltip says it all
        search.setPlaceholder("Name, company, email, SD-…");
        search.setTooltipText("Search by name, company, email, reference (SD-…) or phone number");
        search.setAriaLabel("Search");
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
        // the row's fields say what they filter by in the placeholder; a label each would double the row's height
        status.setAriaLabel("Status");
        status.setPlaceholder("Any status");
        stack.setAriaLabel("Stack");
        stack.setPlaceholder("Any stack");
        assignee.setAriaLabel("Owner");
        assignee.setPlaceholder("Anyone's");

        assignee.setItems(assigneeChoices(assignees, true));
        assignee.setItemLabelGenerator(AssigneeChoice::label);
        assignee.setVisible(!mine);

        source.setItems(leads.sources());
        due.setItems(DUE, OVERDUE);
        due.setItemLabelGenerator(key -> DUE.equals(key) ? "Due (not yet overdue)" : "Overdue");
        due.setPlaceholder("Any");
        due.setTooltipText("What is due next on a lead: its first response or a follow-up");
        lostReason.setTooltipText("Only lost leads, lost for this reason");
        for (var box : List.of(status, kind, stack, assignee, source, due, lostReason)) {
            box.setClearButtonVisible(true);
        }
        kind.setPlaceholder("Any");
        source.setPlaceholder("Any");
        lostReason.setPlaceholder("Any");
        createdFrom.setClearButtonVisible(true);
        createdTo.setClearButtonVisible(true);

        more.add(kind, due, createdFrom, createdTo, source, lostReason, callBooked, showSpam);
        more.addClassName("sd-more-filters");
        more.setVisible(false);
        moreFilters.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        moreFilters.getElement().setAttribute("aria-expanded", "false");
        moreFilters.addClickListener(e -> showMoreFilters(!more.isVisible()));

        search.addValueChangeListener(e -> filtersChanged());
        status.addValueChangeListener(e -> filtersChanged());
        kind.addValueChangeListener(e -> filtersChanged());
        stack.addValueChangeListener(e -> filtersChanged());
        assignee.addValueChangeListener(e -> filtersChanged());
        createdFrom.addValueChangeListener(e -> filtersChanged());
        createdTo.addValueChangeListener(e -> filtersChanged());
        source.addValueChangeListener(e -> filtersChanged());
        lostReason.addValueChangeListener(e -> filtersChanged());
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
        clear.addClickListener(e -> clearFilters());
    }

    private List<AssigneeChoice> assigneeChoices(List<StaffDirectory.Assignee> assignees, boolean withUnassigned) {
        var choices = new ArrayList<AssigneeChoice>();
        choices.add(AssigneeChoice.ME);
        if (withUnassigned) {
            choices.add(AssigneeChoice.UNASSIGNED);
        }
        if (user.isManager()) {
            assignees.stream()
                    .filter(m -> m.id() != user.staffId())
                    .forEach(m -> choices.add(new AssigneeChoice(String.valueOf(m.id()), m.fullName())));
        }
        return choices;
    }

    private void showMoreFilters(boolean open) {
        more.setVisible(open);
        moreFilters.getElement().setAttribute("aria-expanded", String.valueOf(open));
        updateMoreFiltersLabel();
    }

    /** The toggle says how many of the hidden filters are set, so a closed row hides nothing silently. */
    private void updateMoreFiltersLabel() {
        int set = (kind.getValue() != null ? 1 : 0)
                + (due.getValue() != null ? 1 : 0)
                + (createdFrom.getValue() != null ? 1 : 0)
                + (createdTo.getValue() != null ? 1 : 0)
                + (source.getValue() != null ? 1 : 0)
                + (lostReason.getValue() != null ? 1 : 0)
                + (callBooked.getValue() ? 1 : 0)
                + (showSpam.getValue() ? 1 : 0);
        var label = more.isVisible() ? "Fewer filters" : "More filters";
        moreFilters.setText(set == 0 ? label : label + " (" + set + ")");
    }

    private void clearFilters() {
        applyingUrl = true;
        search.clear();
        status.clear();
        kind.clear();
        stack.clear();
        assignee.clear();
        createdFrom.clear();
        createdTo.clear();
        source.clear();
        lostReason.clear();
        due.clear();
        showSpam.clear();
        callBooked.clear();
        applyingUrl = false;
        filtersChanged();
    }

    private void configureGrid() {
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(new ComponentRenderer<>(this::personCell))
                .setHeader("Name")
                .setKey("person")
                .setSortProperty(LeadOrder.Field.NAME.name())
                // the default columns (selection, name, status, stack, owner, age, due: 59rem) fit the
                // 61rem a 1280-px window leaves beside the side navigation; the name takes what is left
                .setWidth("11rem")
                .setFlexGrow(1);
        optional.put(
                "reference",
                grid.addColumn(new ComponentRenderer<>(this::leadLink))
                        .setHeader("Reference")
                        .setKey("reference")
                        .setAutoWidth(true)
                        .setFlexGrow(0));
        optional.put(
                "status",
                grid.addColumn(new ComponentRenderer<>(row -> {
                            var badge = Formats.statusBadge(row.status());
                            return row.suspectedSpam()
                                    ? new Span(badge, new Span(" "), Formats.badge("Spam?", "spam"))
                                    : badge;
                        }))
                        .setHeader("Status")
                        .setKey("status")
                        .setSortProperty(LeadOrder.Field.STATUS.name())
                        .setWidth("8.5rem")
                        .setFlexGrow(0));
        optional.put(
                "stack",
                grid.addColumn(row -> row.stack().label())
                        .setHeader("Stack")
                        .setKey("stack")
                        .setSortProperty(LeadOrder.Field.STACK.name())
                        // "Something else" in full, not "Something…"
                        .setWidth("9rem")
                        .setFlexGrow(0));
        optional.put(
                "owner",
                grid.addColumn(row ->
                                row.assigneeId() == null ? "Unassigned" : names.getOrDefault(row.assigneeId(), "—"))
                        .setHeader("Owner")
                        .setKey("owner")
                        .setWidth("9rem")
                        .setFlexGrow(0));
        // older first when sorted descending by age: "oldest waiting first" is created_at ascending
        ageColumn = grid.addColumn(row -> Times.duration(row.ageAt(clock.instant())))
                .setHeader("Age")
                .setKey("age")
                .setSortOrderProvider(direction -> java.util.stream.Stream.of(
                        new QuerySortOrder(LeadOrder.Field.CREATED_AT.name(), direction.getOpposite())))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6.5rem")
                .setFlexGrow(0);
        optional.put("age", ageColumn);
        dueColumn = grid.addColumn(new ComponentRenderer<>(this::dueCell))
                .setHeader("Due")
                .setKey("due")
                .setSortProperty(LeadOrder.Field.DUE.name())
                .setWidth("11.5rem")
                .setFlexGrow(0);
        optional.put("due", dueColumn);
        optional.put(
                "email",
                grid.addColumn(LeadRow::email)
                        .setHeader("Email")
                        .setKey("email")
                        .setSortProperty(LeadOrder.Field.EMAIL.name())
                        .setWidth("14rem")
                        .setFlexGrow(0));
        optional.put(
                "kind",
                grid.addColumn(row -> row.kind().label())
                        .setHeader("Kind")
                        .setKey("kind")
                        .setSortProperty(LeadOrder.Field.KIND.name())
                        .setAutoWidth(true)
                        .setFlexGrow(0));
        optional.put(
                "source",
                grid.addColumn(LeadRow::sourceLabel)
                        .setHeader("Source")
                        .setKey("source")
                        .setSortProperty(LeadOrder.Field.SOURCE.name())
                        .setAutoWidth(true)
                        .setFlexGrow(0));
        optional.put(
                "first-response",
                grid.addColumn(new ComponentRenderer<>(row -> row.hasFirstResponse()
                                ? Formats.badge("Answered", "answered")
                                : Formats.badge("Waiting", "waiting")))
                        .setHeader("First response")
                        .setKey("first-response")
                        .setSortProperty(LeadOrder.Field.FIRST_RESPONSE_AT.name())
                        .setAutoWidth(true)
                        .setFlexGrow(0));
        optional.put(
                "call",
                grid.addColumn(row -> row.callAt() == null ? "—" : Times.dateTime(row.callAt(), zone))
                        .setHeader("Call booked")
                        .setKey("call")
                        .setAutoWidth(true)
                        .setFlexGrow(0));
        optional.put(
                "received",
                grid.addColumn(row -> Times.dateTime(row.createdAt(), zone))
                        .setHeader("Received")
                        .setKey("received")
                        .setSortProperty(LeadOrder.Field.CREATED_AT.name())
                        .setAutoWidth(true)
                        .setFlexGrow(0));
        grid.getColumns().forEach(c -> c.setResizable(true));
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
        applyingUrl = true;
        grid.sort(List.of(new GridSortOrder<>(ageColumn, SortDirection.ASCENDING)));
        applyingUrl = false;
        grid.addSortListener(e -> {
            sortedBy = orders(e.getSortOrder().stream()
                    .flatMap(o -> o.getSorted().getSortOrder(o.getDirection()))
                    .toList());
            if (!applyingUrl && e.isFromClient()) {
                cards.getDataProvider().refreshAll();
                updateUrl();
            }
        });
        // the lead's page gets the list (filters and order): its previous/next and Back walk it
        grid.addItemClickListener(e -> grid.getUI()
                .ifPresent(ui -> ui.navigate(
                        LeadDetailView.class,
                        new RouteParameters("reference", e.getItem().reference()),
                        listParameters())));
        grid.addSelectionListener(e -> {
            allMatching = false;
            selectionChanged();
        });
        grid.getElement().setAttribute("aria-label", "Leads");
    }

    private void configureCards() {
        cards.setRenderer(new ComponentRenderer<>(this::card));
        cards.setDataProvider(DataProvider.fromCallbacks(
                query -> leads.page(filter, sortedBy, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, count())));
        cards.addClassName("sd-cards");
        cards.getElement().setAttribute("aria-label", "Leads");
    }

    private void configureColumnChooser() {
        columnChoice.setItems(optional.keySet());
        columnChoice.setItemLabelGenerator(key -> optional.get(key).getHeaderText());
        columnChoice.addClassName("sd-column-choice");
        var chosen = gridColumns.chosen().orElse(DEFAULT_COLUMNS);
        columnChoice.setValue(new LinkedHashSet<>(
                chosen.stream().filter(optional::containsKey).toList()));
        showChosenColumns();
        // added after the stored choice was shown: every change from here on is the person's
        columnChoice.addValueChangeListener(e -> {
            showChosenColumns();
            rememberColumns();
        });
        var reset = new Button("Default columns", e -> columnChoice.setValue(new LinkedHashSet<>(DEFAULT_COLUMNS)));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        columnsButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        columnsButton.setTooltipText("Choose the grid's columns; your choice is remembered");
        var popover = new Popover(columnChoice, reset);
        popover.setTarget(columnsButton);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.addThemeName("arrow");
        popover.setAriaLabel("Columns");
        popover.addClassName("sd-columns-popover");
    }

    /** Remembers the chosen columns for this person, in every browser. */
    void rememberColumns() {
        gridColumns.choose(optional.keySet().stream()
                .filter(columnChoice.getValue()::contains)
                .toList());
    }

    private void showChosenColumns() {
        var chosen = columnChoice.getValue();
        optional.forEach((key, column) -> column.setVisible(chosen.contains(key)));
    }

    private void configureEmptyState() {
        emptyState.addClassName("sd-empty");
        emptyState.getElement().setAttribute("role", "status");
        emptyClear.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        emptyClear.addClickListener(e -> clearFilters());
        emptyState.add(emptyMessage, emptyClear);
        emptyState.setVisible(false);
    }

    private void configureBulkBar(List<StaffDirectory.Assignee> assignees) {
        bulkBar.addClassName("sd-bulk-bar");
        bulkBar.getElement().setAttribute("role", "region");
        bulkBar.getElement().setAttribute("aria-label", "Change the selected leads");
        selectionText.addClassName("sd-bulk-count");
        selectAllMatching.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        selectAllMatching.addClickListener(e -> {
            allMatching = true;
            selectionChanged();
        });
        clearSelection.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        clearSelection.addClickListener(e -> grid.deselectAll());

        bulkStatus.setItems(LeadStatus.values());
        bulkStatus.setItemLabelGenerator(LeadStatus::label);
        bulkStatus.setPlaceholder("Move to…");
        bulkStatus.setAriaLabel("New status");
        bulkStatus.addValueChangeListener(e -> {
            bulkLostReason.setVisible(e.getValue() == LeadStatus.LOST);
            applyStatus.setEnabled(e.getValue() != null);
        });
        bulkLostReason.setPlaceholder("Why lost?");
        bulkLostReason.setAriaLabel("Why the leads were lost");
        bulkLostReason.setVisible(false);
        applyStatus.setEnabled(false);
        applyStatus.addClickListener(e -> changeStatus());

        bulkAssignee.setItems(assigneeChoices(assignees, true));
        bulkAssignee.setItemLabelGenerator(AssigneeChoice::label);
        bulkAssignee.setPlaceholder("Assign to…");
        bulkAssignee.setAriaLabel("New owner");
        bulkAssignee.addValueChangeListener(e -> applyAssignee.setEnabled(e.getValue() != null));
        applyAssignee.setEnabled(false);
        applyAssignee.addClickListener(e -> reassign());
        // reassigning is a manager's move (LeadBulkWork checks it too); a rep takes unassigned leads
        bulkAssignee.setVisible(user.isManager());
        applyAssignee.setVisible(user.isManager());
        takeSelected.setVisible(!user.isManager());
        takeSelected.setTooltipText("Take the selected unassigned leads");
        takeSelected.addClickListener(e -> take());

        exportSelection.removeAll();
        exportSelection.add(VaadinIcon.DOWNLOAD_ALT.create());
        exportSelection.add("Export selection");
        exportSelection.getElement().setAttribute("title", "Download the selected leads as CSV");
        bulkProgress.setVisible(false);
        bulkProgress.setWidth("10rem");

        bulkBar.add(
                selectionText,
                selectAllMatching,
                bulkStatus,
                bulkLostReason,
                applyStatus,
                bulkAssignee,
                applyAssignee,
                takeSelected,
                exportSelection,
                clearSelection,
                bulkProgress);
        bulkBar.setVisible(false);
        bulkOutcome.addClassName("sd-bulk-outcome");
        bulkOutcome.getElement().setAttribute("role", "status");
        bulkOutcome.setVisible(false);
    }

    private void selectionChanged() {
        var selected = grid.getSelectedItems();
        selectedIds = selected.stream().map(LeadRow::id).toList();
        boolean any = allMatching || !selected.isEmpty();
        bulkBar.setVisible(any && !narrow);
        if (!any) {
            return;
        }
        long all = count();
        if (allMatching) {
            selectionText.setText("All " + Plurals.count(all, "matching lead") + " selected");
        } else {
            selectionText.setText(selected.size() + " selected");
        }
        selectAllMatching.setText("Select all " + Plurals.count(all, "matching lead"));
        selectAllMatching.setVisible(!allMatching && !selected.isEmpty() && all > selected.size());
        exportSelection.removeAll();
        exportSelection.add(VaadinIcon.DOWNLOAD_ALT.create());
        exportSelection.add(allMatching ? "Export all matching" : "Export selection");
    }

    /** The leads a bulk change goes to: the ticked rows with the versions read, or the whole filter. */
    private BulkChange target() {
        if (allMatching) {
            return new BulkChange.Matching(filter);
        }
        return new BulkChange.Rows(
                grid.getSelectedItems().stream().map(LeadVersion::of).toList());
    }

    private LeadFilter selectionFilter() {
        return allMatching ? filter : filter.toBuilder().ids(selectedIds).build();
    }

    private int targetSize() {
        return allMatching
                ? (int) Math.min(Integer.MAX_VALUE, count())
                : grid.getSelectedItems().size();
    }

    private void changeStatus() {
        var target = bulkStatus.getValue();
        if (target == null) {
            return;
        }
        var reason = bulkLostReason.getValue();
        run("Moved to " + target.label(), progress -> bulk.changeStatus(target(), target, reason, progress));
    }

    private void reassign() {
        var choice = bulkAssignee.getValue();
        if (choice == null) {
            return;
        }
        Long staffId =
                switch (choice.key()) {
                    case "none" -> null;
                    case "me" -> user.staffId();
                    default -> Long.parseLong(choice.key());
                };
        run(
                staffId == null ? "Unassigned" : "Assigned to " + choice.label(),
                progress -> bulk.reassign(target(), staffId, progress));
    }

    private void take() {
        run("Taken", progress -> bulk.take(target(), progress));
    }

    @FunctionalInterface
    private interface BulkRun {
        BulkChange.Result run(BulkChange.Progress progress);
    }

    /**
     * Runs a bulk change: a small one right away, a larger one off the UI thread in its batches, the
     * progress bar following (the page polls while it runs). The outcome names what was left alone.
     */
    private void run(String what, BulkRun change) {
        if (bulkRunning) {
            return;
        }
        bulkOutcome.setVisible(false);
        if (targetSize() <= CHANGED_IN_THE_BACKGROUND_ABOVE) {
            try {
                showOutcome(what, change.run(BulkChange.Progress.NONE));
            } catch (IllegalLeadChange | AccessDeniedException refused) {
                showRefusal(refused.getMessage());
            }
            return;
        }
        var ui = UI.getCurrent();
        bulkRunning = true;
        bulkProgress.setVisible(true);
        bulkProgress.setValue(0);
        setBulkEnabled(false);
        ui.setPollInterval(500);
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            try {
                var result = change.run(
                        (done, of) -> ui.access(() -> bulkProgress.setValue(of == 0 ? 1 : (double) done / of)));
                ui.access(() -> {
                    finishBackground(ui);
                    showOutcome(what, result);
                });
            } catch (RuntimeException refused) {
                ui.access(() -> {
                    finishBackground(ui);
                    showRefusal(refused.getMessage());
                });
            }
        }));
    }

    private void finishBackground(UI ui) {
        bulkRunning = false;
        ui.setPollInterval(-1);
        bulkProgress.setVisible(false);
        setBulkEnabled(true);
    }

    private void setBulkEnabled(boolean enabled) {
        for (var c : List.<HasEnabled>of(
                bulkStatus, applyStatus, bulkAssignee, applyAssignee, takeSelected, selectAllMatching)) {
            c.setEnabled(enabled);
        }
        if (enabled) {
            applyStatus.setEnabled(bulkStatus.getValue() != null);
            applyAssignee.setEnabled(bulkAssignee.getValue() != null);
        }
    }

    private void showRefusal(@Nullable String message) {
        bulkOutcome.removeAll();
        bulkOutcome.add(new Span(message == null ? "That change was refused." : message));
        bulkOutcome.setClassName("sd-bulk-refused", true);
        bulkOutcome.setVisible(true);
    }

    private void showOutcome(String what, BulkChange.Result result) {
        bulkOutcome.removeAll();
        bulkOutcome.setClassName("sd-bulk-refused", false);
        var text = new StringBuilder(what + ": " + Plurals.count(result.changed(), "lead"));
        if (result.unchanged() > 0) {
            text.append("; ").append(result.unchanged()).append(" already so");
        }
        if (!result.skipped().isEmpty()) {
            text.append("; ")
                    .append(Plurals.count(result.skipped().size(), "lead"))
                    .append(" left alone:");
        } else {
            text.append('.');
        }
        bulkOutcome.add(new Span(text.toString()));
        if (!result.skipped().isEmpty()) {
            var list = new com.vaadin.flow.component.html.UnorderedList();
            result.skipped().stream()
                    .limit(20)
                    .forEach(s ->
                            list.add(new com.vaadin.flow.component.html.ListItem(s.reference() + " — " + s.reason())));
            if (result.skipped().size() > 20) {
                list.add(new com.vaadin.flow.component.html.ListItem(
                        "and " + (result.skipped().size() - 20) + " more"));
            }
            bulkOutcome.add(list);
        }
        bulkOutcome.setVisible(true);
        Notification.show(text.toString(), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(
                        result.skipped().isEmpty()
                                ? NotificationVariant.LUMO_SUCCESS
                                : NotificationVariant.LUMO_WARNING);
        bulkStatus.clear();
        bulkLostReason.clear();
        bulkAssignee.clear();
        grid.deselectAll();
        allMatching = false;
        selectionChanged();
        refresh();
    }

    /** Reads the list again: after a change, or a lead added by hand. */
    void refresh() {
        count = null;
        grid.getDataProvider().refreshAll();
        cards.getDataProvider().refreshAll();
        updateTotal();
    }

    private void openViews() {
        viewsDialog = new SavedViewsDialog(savedViews, currentQuery(), () -> {
            var layout = findAncestor(MainLayout.class);
            if (layout != null) {
                layout.refreshNavigation();
            }
        });
        viewsDialog.open();
    }

    /** The grid's current query string (filters and sort), as the URL carries it. */
    String currentQuery() {
        return queryParameters().getQueryString();
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

    /** The person first: their name (a link to the lead) and company. */
    private Div personCell(LeadRow row) {
        var name =
                new RouterLink(row.fullName(), LeadDetailView.class, new RouteParameters("reference", row.reference()));
        name.setQueryParameters(listParameters());
        name.addClassName("sd-contact-name");
        name.getElement().setAttribute("title", row.reference() + " · " + row.email());
        name.getElement().setAttribute("aria-label", "Open lead " + row.reference() + " of " + row.fullName());
        var company = new Span(Optional.ofNullable(row.company()).orElse(row.email()));
        company.addClassName("sd-contact-email");
        var person = new Div(name, company);
        person.addClassName("sd-contact");
        return person;
    }

    private RouterLink leadLink(LeadRow row) {
        var link = new RouterLink(
                row.reference(), LeadDetailView.class, new RouteParameters("reference", row.reference()));
        link.setQueryParameters(listParameters());
        link.getElement().setAttribute("aria-label", "Open lead " + row.reference() + " of " + row.fullName());
        return link;
    }

    /** A phone's card: who, where it stands, which stack and how long it has waited. */
    private Div card(LeadRow row) {
        var name =
                new RouterLink(row.fullName(), LeadDetailView.class, new RouteParameters("reference", row.reference()));
        name.setQueryParameters(listParameters());
        name.addClassName("sd-contact-name");
        var age = new Span(Times.duration(row.ageAt(clock.instant())));
        age.addClassName("sd-muted");
        var top = new Div(name, age);
        top.addClassName("sd-card-top");
        var company = new Span(Optional.ofNullable(row.company()).orElse(row.email()));
        company.addClassName("sd-muted");
        var badges =
                new Div(Formats.statusBadge(row.status()), new Span(row.stack().label()));
        if (row.suspectedSpam()) {
            badges.add(Formats.badge("Spam?", "spam"));
        }
        if (row.isOverdueAt(clock.instant())) {
            badges.add(Formats.badge("Overdue", "overdue"));
        }
        badges.addClassName("sd-card-badges");
        var card = new Div(top, company, badges);
        card.addClassName("sd-card");
        return card;
    }

    /** Fits the list to a window this many pixels wide: cards on a phone, the grid elsewhere. */
    void fitColumnsTo(int windowWidth) {
        narrow = windowWidth > 0 && windowWidth < NARROW;
        showList();
    }

    /** Whether the list shows as cards (a phone). */
    boolean showsCards() {
        return narrow;
    }

    private void showList() {
        boolean empty = count() == 0;
        grid.setVisible(!narrow && !empty);
        cards.setVisible(narrow && !empty);
        columnsButton.setVisible(!narrow);
        bulkBar.setVisible(!narrow && (allMatching || !grid.getSelectedItems().isEmpty()));
        emptyState.setVisible(empty);
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
        var criteria = given.criteria();
        var ignored = new ArrayList<>(parsed.problems());
        applyingUrl = true;
        try {
            search.setValue(Optional.ofNullable(criteria.query()).orElse(""));
            status.setValue(criteria.status());
            kind.setValue(criteria.kind());
            stack.setValue(criteria.stack());
            assignee.setValue(null);
            if (criteria.assignee() != null && !mine) {
                var choice = assigneeChoice(criteria.assignee());
                choice.ifPresentOrElse(
                        assignee::setValue,
                        () -> ignored.add(new LeadFilterParameters.Problem(
                                "assignee", "not someone whose leads you can filter by")));
            }
            createdFrom.setValue(given.from());
            createdTo.setValue(given.to());
            source.setValue(criteria.source());
            showLostReason(criteria.lostReason(), ignored);
            showSpam.setValue(criteria.includeSpam());
            due.setValue(given.overdue() == null ? null : given.overdue() ? OVERDUE : DUE);
            callBooked.setValue(criteria.callBooked());
            sortBy(given, ignored);
        } finally {
            applyingUrl = false;
        }
        // a link with one of the hidden filters set opens them, so the row shows why the list is short
        if (kind.getValue() != null
                || due.getValue() != null
                || createdFrom.getValue() != null
                || createdTo.getValue() != null
                || source.getValue() != null
                || lostReason.getValue() != null
                || callBooked.getValue()
                || showSpam.getValue()) {
            showMoreFilters(true);
        }
        updateMoreFiltersLabel();
        showIgnored(ignored);
        openFromLink = criteria.status() == null ? criteria.open() : null;
        responseFromLink = given.response();
        showLinkFilters();
        filter = currentFilter();
        grid.deselectAll();
        allMatching = false;
        refresh();
        var query = event.getLocation().getQueryParameters();
        query.getSingleParameter(AT).ifPresent(reference -> {
            // back from a lead: its row (or where it would be) at the top, in the grid's order
            long row = leads.position(filter, sortedBy, reference);
            if (row >= 0) {
                grid.scrollToIndex((int) Math.min(Integer.MAX_VALUE, row));
            }
        });
        if (query.getSingleParameter(FOCUS).filter("search"::equals).isPresent()) {
            search.focus();
        }
    }

    /**
     * The link's lost reason in its field, as the list spells it; a label that left the list stays
     * choosable while leads are lost under it, any other is named as ignored.
     */
    private void showLostReason(@Nullable String given, List<LeadFilterParameters.Problem> ignored) {
        var choices = lostReasons.filterChoices();
        lostReason.setItems(choices);
        if (given == null) {
            lostReason.clear();
            return;
        }
        var known = lostReasons.filterLabel(given);
        if (known.isEmpty()) {
            lostReason.clear();
            ignored.add(new LeadFilterParameters.Problem(
                    "lostReason", "no lead was lost for \u201c" + given + "\u201d; choose a reason from the list"));
            return;
        }
        if (!choices.contains(known.get())) {
            var withIt = new ArrayList<>(choices);
            withIt.add(known.get());
            lostReason.setItems(withIt);
        }
        lostReason.setValue(known.get());
    }

    /** The URL's sort on the grid: by the column that sorts so; the age column sorts received time reversed. */
    private void sortBy(LeadFilterParameters given, List<LeadFilterParameters.Problem> ignored) {
        var defaultOrder = given.overdue() != null && dueColumn != null
                // a link to what is due lists it soonest first, as choosing the filter does
                ? new GridSortOrder<>(dueColumn, SortDirection.ASCENDING)
                : new GridSortOrder<>(java.util.Objects.requireNonNull(ageColumn), SortDirection.ASCENDING);
        if (given.sort().isEmpty()) {
            grid.sort(List.of(defaultOrder));
            return;
        }
        var first = given.sort().getFirst();
        var column = first.field() == LeadOrder.Field.CREATED_AT
                ? ageColumn
                : grid.getColumns().stream()
                        .filter(c -> c.getSortOrder(SortDirection.ASCENDING).anyMatch(o -> o.getSorted()
                                .equals(first.field().name())))
                        .findFirst()
                        .orElse(null);
        if (column == null) {
            ignored.add(new LeadFilterParameters.Problem(
                    "sort",
                    "the grid has no column to sort by " + first.field().name().toLowerCase(java.util.Locale.ROOT)));
            grid.sort(List.of(defaultOrder));
            return;
        }
        boolean ascending = column == ageColumn ? !first.ascending() : first.ascending();
        grid.sort(List.of(new GridSortOrder<>(column, ascending ? SortDirection.ASCENDING : SortDirection.DESCENDING)));
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

    /** Names the filters only a link sets, with a button that drops them. */
    private void showLinkFilters() {
        linkFilters.removeAll();
        var parts = new ArrayList<String>();
        if (openFromLink != null) {
            parts.add(openFromLink ? "open leads" : "closed leads (won or lost)");
        }
        if (responseFromLink != null) {
            parts.add(
                    switch (responseFromLink) {
                        case NONE -> "no first response yet";
                        case ANSWERED -> "answered";
                        case IN_TIME -> "answered within the deadline";
                        case LATE -> "answered late or unanswered past the deadline";
                        case MEASURED -> "answered, or unanswered past the deadline";
                    });
        }
        linkFilters.setVisible(!parts.isEmpty());
        if (parts.isEmpty()) {
            return;
        }
        var clear = new com.vaadin.flow.component.button.Button("Show all", e -> {
            openFromLink = null;
            responseFromLink = null;
            showLinkFilters();
            filtersChanged();
        });
        clear.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE);
        linkFilters.add(new Span("Only " + String.join(", ", parts) + ". "), clear);
    }

    private void filtersChanged() {
        if (applyingUrl) {
            return;
        }
        updateMoreFiltersLabel();
        filter = currentFilter();
        grid.deselectAll();
        allMatching = false;
        refresh();
        updateUrl();
    }

    private void updateUrl() {
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

    private void updateTotal() {
        long count = count();
        total.setText(
                count > LeadSearch.MAX_COUNTED
                        ? String.format(
                                java.util.Locale.ROOT,
                                "More than %,d leads: add a word to the search to narrow it",
                                LeadSearch.MAX_COUNTED)
                        : Plurals.count(count, "lead"));
        boolean empty = count == 0;
        export.setEnabled(!empty);
        export.getElement()
                .setAttribute(
                        "title",
                        empty
                                ? "Nothing to export: no lead matches"
                                : "Download the leads of the current filters and sort as CSV");
        boolean filtered = !currentQueryWithoutSort().isEmpty() || mine;
        emptyMessage.setText(
                filtered
                        ? "No leads match these filters. Clear them, or widen a filter, to see more."
                        : "No leads yet. Leads from your forms appear here; add one taken by phone with \u201cNew lead\u201d.");
        emptyClear.setVisible(filtered && !currentQueryWithoutSort().isEmpty());
        showList();
    }

    private String currentQueryWithoutSort() {
        var params = new LinkedHashMap<>(queryParameters().getParameters());
        params.remove("sort");
        return new QueryParameters(params).getQueryString();
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
        var criteria = LeadFilter.builder()
                .status(status.getValue())
                .open(status.getValue() == null ? openFromLink : null)
                .kind(kind.getValue())
                .stack(stack.getValue())
                .assignee(who)
                .source(source.getValue())
                .query(search.getValue())
                .includeSpam(showSpam.getValue())
                .callBooked(callBooked.getValue())
                .lostReason(lostReason.getValue())
                .build();
        return new LeadFilterParameters(
                        criteria,
                        createdFrom.getValue(),
                        createdTo.getValue(),
                        List.of(),
                        due.getValue() == null ? null : OVERDUE.equals(due.getValue()),
                        responseFromLink)
                .filter(now);
    }

    /** The filters and the sort as query parameters, leaving out what is not set or the default. */
    QueryParameters queryParameters() {
        var params = new LinkedHashMap<String, String>();
        if (!search.getValue().isBlank()) {
            params.put("q", search.getValue().strip());
        }
        put(
                params,
                "status",
                status.getValue() == null ? null : status.getValue().name());
        if (status.getValue() == null && openFromLink != null) {
            params.put("status", openFromLink ? "open" : "closed");
        }
        put(params, "response", responseFromLink == null ? null : responseFromLink.key());
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
        put(params, "lostReason", lostReason.getValue());
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

    /** The sort as the URL gives it ({@code created_at}, {@code -status}); null for the default order. */
    private @Nullable String sortParameter() {
        var orders = sortedBy;
        var defaultOrder = due.getValue() != null ? LeadOrder.DUE_FIRST : LeadOrder.NEWEST_FIRST;
        if (orders.isEmpty() || orders.equals(List.of(defaultOrder))) {
            return null;
        }
        return orders.stream()
                .map(o -> (o.ascending() ? "" : "-") + o.field().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(","));
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

    /** For tests: the selection model, to tick rows as a click does. */
    GridMultiSelectionModel<LeadRow> selection() {
        return (GridMultiSelectionModel<LeadRow>) grid.getSelectionModel();
    }

    /** The keys of the columns shown, person first. */
    List<String> visibleColumns() {
        return grid.getColumns().stream()
                .filter(Grid.Column::isVisible)
                .map(Grid.Column::getKey)
                .toList();
    }

    Set<String> optionalColumns() {
        return optional.keySet();
    }
}
