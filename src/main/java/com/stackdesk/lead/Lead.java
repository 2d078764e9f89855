package com.stackdesk.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A visitor's request for a consultation or a development plan, and where it stands in the
 * pipeline. Created only through {@link LeadRegistration}.
 */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LeadKind kind;

    @Column(nullable = false)
    private String firstName;

    @Column(nullable = false)
    private String lastName;

    @Column(nullable = false)
    private String email;

    private @Nullable String phone;

    private @Nullable String company;

    @Enumerated(EnumType.STRING)
    @Column(name = "stack", nullable = false)
    private StackLeaning stack;

    @Column(length = LeadLimits.MESSAGE)
    private @Nullable String message;

    // consultation
    @Enumerated(EnumType.STRING)
    private @Nullable ContactMethod contactMethod;

    private @Nullable Instant preferredContactAt;

    private @Nullable String visitorTimeZone;

    // development plan
    @Enumerated(EnumType.STRING)
    private @Nullable ProjectType projectType;

    @Enumerated(EnumType.STRING)
    private @Nullable BudgetRange budget;

    @Enumerated(EnumType.STRING)
    private @Nullable Timeline timeline;

    @Enumerated(EnumType.STRING)
    private @Nullable TeamSize teamSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStatus status = LeadStatus.NEW;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private @Nullable String utmSource;
    private @Nullable String utmMedium;
    private @Nullable String utmCampaign;
    private @Nullable String utmTerm;
    private @Nullable String utmContent;
    private @Nullable String referrer;
    private @Nullable String landingPage;

    @Column(nullable = false, updatable = false)
    private String consentVersion;

    @Column(nullable = false, updatable = false)
    private Instant consentAt;

    private @Nullable String clientIp;

    @Column(nullable = false, updatable = false)
    private String fingerprint;

    @Column(nullable = false)
    private boolean suspectedSpam;

    private @Nullable String spamReason;

    private @Nullable Long assigneeId;

    // stored and not routed yet: routing picks it up after the storing transaction commits
    @Column(nullable = false)
    private boolean routingPending;

    // the assignee while the lead is open, else null: routing counts each rep's open leads from its index
    private @Nullable Long openAssigneeId;

    private @Nullable Instant firstResponseAt;

    private @Nullable String lostReason;

    // the lost reason's label from the list (or "Other"): what the dashboard counts by
    private @Nullable String lostReasonLabel;

    @Column(length = 1000)
    private @Nullable String routingReason;

    private @Nullable Instant callAt;

    @Version
    private long version;

    // lower-cased copies for the staff grid's indexed prefix search, and the source label it filters on
    @Column(nullable = false)
    private String sourceLabel = "direct";

    @Column(nullable = false)
    private String searchName = "";

    @Column(nullable = false)
    private String searchLastName = "";

    @Column(nullable = false)
    private String searchEmail = "";

    private @Nullable String searchCompany;

    // what the stack assistant concluded, when the lead came through it
    @Column(length = LeadLimits.ASSISTANT_ANSWERS, updatable = false)
    private @Nullable String assistantAnswers;

    @Column(length = LeadLimits.ASSISTANT_RECOMMENDATION, updatable = false)
    private @Nullable String assistantRecommendation;

    @Column(length = LeadLimits.ASSISTANT_QUOTE, updatable = false)
    private @Nullable String assistantQuote;

    // The first-response deadline. Written with the INSERT and afterwards only by conditional
    // UPDATEs (LeadDeadlines claims a step, LeadWork ends the deadline on the first response), never
    // by a save of the entity: a save that loaded the lead before a step was claimed would undo it.
    @Column(updatable = false)
    private @Nullable Instant responseDueAt;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private @Nullable DeadlineStep deadlineStep;

    @Column(updatable = false)
    private @Nullable Instant deadlineStepAt;

    // a rep's next step on the lead
    @Column(length = LeadLimits.FOLLOW_UP)
    private @Nullable String followUpText;

    private @Nullable Instant followUpAt;

    // kept by updateSearchColumns: see #getNextDueAt
    private @Nullable Instant nextDueAt;

    protected Lead() {
        // for JPA
        this.reference = "";
        this.kind = LeadKind.CONSULTATION;
        this.firstName = "";
        this.lastName = "";
        this.email = "";
        this.stack = StackLeaning.NOT_SURE;
        this.createdAt = Instant.EPOCH;
        this.consentVersion = "";
        this.consentAt = Instant.EPOCH;
        this.fingerprint = "";
    }

    Lead(NewLead request, String reference, Instant createdAt) {
        this.reference = reference;
        this.kind = request.kind();
        this.firstName = request.firstName();
        this.lastName = request.lastName();
        this.email = request.email();
        this.phone = request.phone();
        this.company = request.company();
        this.stack = request.stack();
        this.message = request.message();
        this.contactMethod = request.contactMethod();
        this.preferredContactAt = request.preferredContactAt();
        this.visitorTimeZone = request.visitorTimeZone();
        this.projectType = request.projectType();
        this.budget = request.budget();
        this.timeline = request.timeline();
        this.teamSize = request.teamSize();
        var source = request.source();
        this.utmSource = source.utmSource();
        this.utmMedium = source.utmMedium();
        this.utmCampaign = source.utmCampaign();
        this.utmTerm = source.utmTerm();
        this.utmContent = source.utmContent();
        this.referrer = source.referrer();
        this.landingPage = source.landingPage();
        this.consentVersion = request.consentVersion();
        this.consentAt = createdAt;
        this.clientIp = request.clientIp();
        this.fingerprint = request.fingerprint();
        this.suspectedSpam = request.spamReason() != null;
        this.spamReason = request.spamReason();
        this.createdAt = createdAt;
        var assistant = request.assistant();
        if (assistant != null && !assistant.isEmpty()) {
            this.assistantAnswers = assistant.answers();
            this.assistantRecommendation = assistant.recommendation();
            this.assistantQuote = assistant.quote();
        }
    }

    /**
     * A lead that must be answered by {@code due}. Its next deadline step is the first one still
     * ahead at {@code now}: the reminder, else the managers' alert; none when both have passed
     * (an imported lead is not alerted about its past).
     */
    Lead(NewLead request, String reference, Instant createdAt, ResponseDue due, Instant now) {
        this(request, reference, createdAt);
        this.responseDueAt = due.dueAt();
        if (!due.remindAt().isBefore(now)) {
            this.deadlineStep = DeadlineStep.REMIND;
            this.deadlineStepAt = due.remindAt();
        } else if (!due.dueAt().isBefore(now)) {
            this.deadlineStep = DeadlineStep.ALERT;
            this.deadlineStepAt = due.dueAt();
        }
    }

    @PrePersist
    @PreUpdate
    void updateSearchColumns() {
        this.sourceLabel = getSource().label();
        this.searchName = LeadSearchTerms.normalize(firstName + " " + lastName);
        this.searchLastName = LeadSearchTerms.normalize(lastName);
        this.searchEmail = LeadSearchTerms.normalize(email);
        this.searchCompany = company == null ? null : LeadSearchTerms.normalize(company);
        var responseDue = isAwaitingFirstResponse() ? responseDueAt : null;
        if (responseDue == null || (followUpAt != null && followUpAt.isBefore(responseDue))) {
            this.nextDueAt = followUpAt;
        } else {
            this.nextDueAt = responseDue;
        }
    }

    /** Still waiting for its first response under a deadline: NEW, unanswered, not spam. */
    public boolean isAwaitingFirstResponse() {
        return responseDueAt != null && status == LeadStatus.NEW && firstResponseAt == null && !suspectedSpam;
    }

    /** Sets (or with null text clears) the rep's next step on this lead. */
    void followUp(@Nullable String text, @Nullable Instant at) {
        this.followUpText = text;
        this.followUpAt = text == null ? null : at;
    }

    /**
     * Moves the lead to {@code target} if the pipeline allows it (see {@link LeadStatus#canMoveTo}).
     * LOST needs a reason, {@code reasonLabel} the list's label it counts under. The first move out
     * of NEW counts as the first response, unless a logged contact came first. Returns whether this
     * move recorded the first response.
     */
    boolean moveTo(LeadStatus target, @Nullable String reason, @Nullable String reasonLabel, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalLeadChange("A lead can't go from " + status.label() + " to " + target.label()
                    + ". Allowed: " + status.allowedNextLabels() + ".");
        }
        if (target == LeadStatus.LOST) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalLeadChange("Say why the lead was lost.");
            }
            this.lostReason = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
            this.lostReasonLabel = reasonLabel == null ? LostReasons.OTHER : reasonLabel;
        }
        boolean firstResponse = status == LeadStatus.NEW && recordFirstResponse(now);
        this.status = target;
        updateOpenAssignee();
        return firstResponse;
    }

    /** Records the first response once; later calls keep the first time. Returns whether it was recorded now. */
    boolean recordFirstResponse(Instant now) {
        if (firstResponseAt != null) {
            return false;
        }
        this.firstResponseAt = now;
        return true;
    }

    /** Sets where an imported lead already stands, without the pipeline's rules: it is history, not a move. */
    void importState(
            LeadStatus status,
            @Nullable Instant firstResponseAt,
            @Nullable String lostReason,
            @Nullable String lostReasonLabel) {
        this.status = status;
        this.firstResponseAt = firstResponseAt;
        this.lostReason = lostReason;
        this.lostReasonLabel = lostReason == null ? null : lostReasonLabel;
        updateOpenAssignee();
    }

    /**
     * What a rep's load counts, kept on the row so it is one index range: the owner of an open lead
     * ({@link LeadStatus#OPEN}) that is not suspected spam. Every count of open leads per owner
     * (routing's capacity, the dashboard) reads this column.
     */
    private void updateOpenAssignee() {
        this.openAssigneeId = status.isOpen() && !suspectedSpam ? assigneeId : null;
    }

    /** Corrects the contact details staff learned later; name and email stay as the visitor typed them. */
    void changeContact(@Nullable String phone, @Nullable String company) {
        this.phone = phone;
        this.company = company;
    }

    /**
     * Gives the lead to a staff member (or takes it from them with null), with the reason in plain
     * words. Callers record the assignment on the timeline.
     */
    void assign(@Nullable Long staffId, String reason) {
        this.assigneeId = staffId;
        this.routingReason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        updateOpenAssignee();
    }

    /** Routing will give it an owner (or queue it for managers) after its transaction commits. */
    void awaitRouting() {
        this.routingPending = true;
    }

    /** Routing has decided about it (see {@link #awaitRouting}). */
    void markRouted() {
        this.routingPending = false;
    }

    /** Its booked call starts then; null clears it (the call was cancelled). Callers record it on the timeline. */
    void callAt(@Nullable Instant startsAt) {
        this.callAt = startsAt;
    }

    /** When its booked consultation call starts; null without one. */
    public @Nullable Instant getCallAt() {
        return callAt;
    }

    public boolean isRoutingPending() {
        return routingPending;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public LeadKind getKind() {
        return kind;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFullName() {
        return firstName + " " + lastName;
    }

    /** The email as matched for returning visitors and searched in the grid (lower-cased). */
    public String getSearchEmail() {
        return searchEmail;
    }

    public String getEmail() {
        return email;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public @Nullable String getCompany() {
        return company;
    }

    public StackLeaning getStack() {
        return stack;
    }

    public @Nullable String getMessage() {
        return message;
    }

    public @Nullable ContactMethod getContactMethod() {
        return contactMethod;
    }

    public @Nullable Instant getPreferredContactAt() {
        return preferredContactAt;
    }

    public @Nullable String getVisitorTimeZone() {
        return visitorTimeZone;
    }

    public @Nullable ProjectType getProjectType() {
        return projectType;
    }

    public @Nullable BudgetRange getBudget() {
        return budget;
    }

    public @Nullable Timeline getTimeline() {
        return timeline;
    }

    public @Nullable TeamSize getTeamSize() {
        return teamSize;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public LeadSource getSource() {
        return new LeadSource(utmSource, utmMedium, utmCampaign, utmTerm, utmContent, referrer, landingPage);
    }

    public String getConsentVersion() {
        return consentVersion;
    }

    public Instant getConsentAt() {
        return consentAt;
    }

    public @Nullable String getClientIp() {
        return clientIp;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public boolean isSuspectedSpam() {
        return suspectedSpam;
    }

    public @Nullable String getSpamReason() {
        return spamReason;
    }

    public @Nullable Long getAssigneeId() {
        return assigneeId;
    }

    public @Nullable Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public @Nullable String getLostReason() {
        return lostReason;
    }

    /** The list's label the lead was lost under ({@link LostReasons}), "Other" for the rep's own words. */
    public @Nullable String getLostReasonLabel() {
        return lostReasonLabel;
    }

    public @Nullable String getRoutingReason() {
        return routingReason;
    }

    /** What the stack assistant concluded, or null when the lead did not come through it. */
    public @Nullable AssistantSummary getAssistant() {
        if (assistantAnswers == null && assistantRecommendation == null && assistantQuote == null) {
            return null;
        }
        return new AssistantSummary(assistantAnswers, assistantRecommendation, assistantQuote);
    }

    public long getVersion() {
        return version;
    }

    /** Every stored field, as exports and the API hand them out. */
    public LeadExportRow toExportRow() {
        return new LeadExportRow(
                reference,
                kind,
                status,
                createdAt,
                firstName,
                lastName,
                email,
                phone,
                company,
                stack,
                contactMethod,
                preferredContactAt,
                visitorTimeZone,
                message,
                projectType,
                budget,
                timeline,
                teamSize,
                assigneeId,
                firstResponseAt,
                lostReason,
                routingReason,
                getSource(),
                consentVersion,
                consentAt,
                clientIp,
                suspectedSpam,
                spamReason,
                getAssistant(),
                lostReasonLabel);
    }

    public String getSourceLabel() {
        return sourceLabel;
    }

    /** When the first response is due; null for spam and leads imported as history. */
    public @Nullable Instant getResponseDueAt() {
        return responseDueAt;
    }

    public @Nullable String getFollowUpText() {
        return followUpText;
    }

    public @Nullable Instant getFollowUpAt() {
        return followUpAt;
    }

    /**
     * The next thing due on this lead: the first response while it waits for one, or the rep's
     * follow-up, whichever comes first; null when nothing is due.
     */
    public @Nullable Instant getNextDueAt() {
        return nextDueAt;
    }
}
