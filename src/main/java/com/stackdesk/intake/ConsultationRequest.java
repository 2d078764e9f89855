package com.stackdesk.intake;

import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A "Book a Consultation" request as the visitor typed it. */
public class ConsultationRequest extends LeadRequest {

    @Size(max = LeadLimits.PHONE, message = "Keep it under " + LeadLimits.PHONE + " characters")
    @Pattern(regexp = "\\s*|\\+?[0-9 ()./-]{6,}", message = "Enter a phone number, digits with an optional leading +")
    private @Nullable String phone;

    @Size(max = LeadLimits.COMPANY, message = "Keep it under " + LeadLimits.COMPANY + " characters")
    private @Nullable String company;

    @NotNull(message = "Choose how we should contact you")
    private @Nullable ContactMethod contactMethod;

    /** In the visitor's own time zone. */
    private @Nullable LocalDateTime preferredTime;

    @NotBlank(message = "Tell us briefly what you would like to discuss")
    @Size(max = LeadLimits.MESSAGE, message = "Keep it under " + LeadLimits.MESSAGE + " characters")
    private @Nullable String message;

    @Override
    public LeadKind kind() {
        return LeadKind.CONSULTATION;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public @Nullable String getCompany() {
        return company;
    }

    public void setCompany(@Nullable String company) {
        this.company = company;
    }

    public @Nullable ContactMethod getContactMethod() {
        return contactMethod;
    }

    public void setContactMethod(@Nullable ContactMethod contactMethod) {
        this.contactMethod = contactMethod;
    }

    public @Nullable LocalDateTime getPreferredTime() {
        return preferredTime;
    }

    public void setPreferredTime(@Nullable LocalDateTime preferredTime) {
        this.preferredTime = preferredTime;
    }

    public @Nullable String getMessage() {
        return message;
    }

    public void setMessage(@Nullable String message) {
        this.message = message;
    }
}
