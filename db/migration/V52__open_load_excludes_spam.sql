-- A rep's load counts open leads that are not suspected spam: open_assignee_id (see V40) is now
-- empty for spam, which the app keeps so from here on (Lead#updateOpenAssignee).
UPDATE lead SET open_assignee_id = NULL WHERE suspected_spam = TRUE AND open_assignee_id IS NOT NULL;
