package com.stackdesk.intake;

import com.stackdesk.lead.BudgetRange;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadLimits;
import com.stackdesk.lead.ProjectType;
import com.stackdesk.lead.TeamSize;
import com.stackdesk.lead.Timeline;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A "Custom Development Plan" request as the visitor typed it. */
public class DevelopmentPlanRequest extends LeadRequest {

    @NotBlank(message = "Enter your company name")
    @Size(max = LeadLimits.COMPANY, message = "Keep it under " + LeadLimits.COMPANY + " characters")
    private @Nullable String company;

    @NotNull(message = "Choose the type of project")
    private @Nullable ProjectType projectType;

    @NotBlank(message = "Describe what you want built")
    @Size(max = LeadLimits.MESSAGE, message = "Keep it under " + LeadLimits.MESSAGE + " characters")
    private @Nullable String description;

    @NotNull(message = "Choose a budget range, or \"Not decided yet\"")
    private @Nullable BudgetRange budget;

    @NotNull(message = "Choose a timeline")
    private @Nullable Timeline timeline;

    @NotNull(message = "Choose your team size")
    private @Nullable TeamSize teamSize;

    @Override
    public LeadKind kind() {
        return LeadKind.DEVELOPMENT_PLAN;
    }

    public @Nullable String getCompany() {
        return company;
    }

    public void setCompany(@Nullable String company) {
        this.company = company;
    }

    public @Nullable ProjectType getProjectType() {
        return projectType;
    }

    public void setProjectType(@Nullable ProjectType projectType) {
        this.projectType = projectType;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable BudgetRange getBudget() {
        return budget;
    }

    public void setBudget(@Nullable BudgetRange budget) {
        this.budget = budget;
    }

    public @Nullable Timeline getTimeline() {
        return timeline;
    }

    public void setTimeline(@Nullable Timeline timeline) {
        this.timeline = timeline;
    }

    public @Nullable TeamSize getTeamSize() {
        return teamSize;
    }

    public void setTeamSize(@Nullable TeamSize teamSize) {
        this.teamSize = teamSize;
    }
}
