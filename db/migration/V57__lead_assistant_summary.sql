-- What the stack assistant concluded for a lead that came in through it (null otherwise), as
-- the rep reads it: the visitor's answers, the recommended stack over the runner-up with its
-- reasons, and the quote range with its duration. Sizes follow com.stackdesk.lead.LeadLimits.
ALTER TABLE lead ADD COLUMN assistant_answers VARCHAR(1000);
ALTER TABLE lead ADD COLUMN assistant_recommendation VARCHAR(300);
ALTER TABLE lead ADD COLUMN assistant_quote VARCHAR(200);
