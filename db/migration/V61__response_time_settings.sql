-- The team's response-time settings (admin page "Response times"). One row; while it is missing
-- the defaults from stackdesk.sla.* apply.
CREATE TABLE response_settings (
    id                   INTEGER      NOT NULL,
    time_zone            VARCHAR(64)  NOT NULL,
    consultation_target  INTEGER      NOT NULL,
    consultation_unit    VARCHAR(10)  NOT NULL,
    plan_target          INTEGER      NOT NULL,
    plan_unit            VARCHAR(10)  NOT NULL,
    remind_percent       INTEGER      NOT NULL,
    reassign_overdue     BOOLEAN      NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT pk_response_settings PRIMARY KEY (id),
    CONSTRAINT ck_response_settings_single CHECK (id = 1),
    CONSTRAINT ck_response_settings_units CHECK (consultation_unit IN ('HOURS', 'DAYS') AND plan_unit IN ('HOURS', 'DAYS')),
    CONSTRAINT ck_response_settings_targets CHECK (consultation_target BETWEEN 1 AND 999 AND plan_target BETWEEN 1 AND 999),
    CONSTRAINT ck_response_settings_remind CHECK (remind_percent BETWEEN 1 AND 99)
);

-- Business hours: one row per working weekday (1 = Monday ... 7 = Sunday); a missing day is closed.
CREATE TABLE business_hours (
    day_of_week INTEGER NOT NULL,
    opens_at    TIME    NOT NULL,
    closes_at   TIME    NOT NULL,
    CONSTRAINT pk_business_hours PRIMARY KEY (day_of_week),
    CONSTRAINT ck_business_hours_day CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT ck_business_hours_span CHECK (opens_at < closes_at)
);

-- Days the team does not work although the weekday is a business day.
CREATE TABLE business_holiday (
    holiday_date DATE         NOT NULL,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT pk_business_holiday PRIMARY KEY (holiday_date)
);
