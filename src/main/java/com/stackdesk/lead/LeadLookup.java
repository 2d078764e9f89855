package com.stackdesk.lead;

import com.stackdesk.lead.internal.Leads;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads by id for the modules that act on them without a signed-in user (the emails, the demo
 * data). What they get is read-only to them: a lead changes only through the lead module's services.
 */
@Service
public class LeadLookup {

    private final Leads leads;

    LeadLookup(Leads leads) {
        this.leads = leads;
    }

    /** The lead with this id; throws {@link IllegalArgumentException} if there is none. */
    @Transactional(readOnly = true)
    public Lead byId(long id) {
        return leads.findById(id).orElseThrow(() -> new IllegalArgumentException("No lead " + id));
    }

    /** The lead with this reference, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Lead> byReference(String reference) {
        return leads.findByReference(reference);
    }

    /** The references of these leads, by id (for the log, which names a lead by its reference only). */
    @Transactional(readOnly = true)
    public Map<Long, String> referencesOf(Collection<Long> ids) {
        var references = new HashMap<Long, String>();
        if (!ids.isEmpty()) {
            for (var lead : leads.findReferencesByIdIn(ids)) {
                references.put(lead.getId(), lead.getReference());
            }
        }
        return references;
    }

    /** Whether no lead has been stored yet. */
    @Transactional(readOnly = true)
    public boolean none() {
        return leads.count() == 0;
    }
}
