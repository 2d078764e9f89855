-- Form analytics: counters, not a tracking log. One row per form, source label and ISO week
-- (week_start is that week's Monday, UTC): how often the form was shown, started (first field
-- touched) and submitted. Nothing about a visitor is stored. A count is one
-- UPDATE ... SET n = n + 1 on the primary key, with an INSERT when the row is missing.
CREATE TABLE form_counter (
    form        VARCHAR(40)  NOT NULL,
    source      VARCHAR(100) NOT NULL,
    week_start  DATE         NOT NULL,
    views       BIGINT       NOT NULL,
    starts      BIGINT       NOT NULL,
    submissions BIGINT       NOT NULL,
    CONSTRAINT pk_form_counter PRIMARY KEY (form, source, week_start)
);

-- the dashboard reads the last weeks of every form
CREATE INDEX ix_form_counter_week ON form_counter (week_start);
