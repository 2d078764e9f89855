-- Round-robin state. The single rotation row is locked (SELECT ... FOR UPDATE) by every routing
-- decision, so two concurrent submissions never take the same turn.
CREATE TABLE routing_rotation (
    id        VARCHAR(20) NOT NULL,
    next_turn BIGINT      NOT NULL,
    CONSTRAINT pk_routing_rotation PRIMARY KEY (id)
);

INSERT INTO routing_rotation (id, next_turn) VALUES ('leads', 1);

-- Per staff member: turns taken so far (weighted fairness) and the last one (least recently assigned).
CREATE TABLE routing_member (
    staff_id    BIGINT NOT NULL,
    turns_taken BIGINT NOT NULL,
    last_turn   BIGINT NOT NULL,
    CONSTRAINT pk_routing_member PRIMARY KEY (staff_id),
    CONSTRAINT fk_routing_member_staff FOREIGN KEY (staff_id) REFERENCES staff (id) ON DELETE CASCADE
);

-- Every turn handed out, exactly once (the primary key refuses a second holder).
CREATE TABLE routing_turn (
    turn       BIGINT      NOT NULL,
    lead_id    BIGINT      NOT NULL,
    staff_id   BIGINT      NOT NULL,
    strategy   VARCHAR(20) NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_routing_turn PRIMARY KEY (turn),
    CONSTRAINT uk_routing_turn_lead UNIQUE (lead_id),
    CONSTRAINT fk_routing_turn_lead FOREIGN KEY (lead_id) REFERENCES lead (id) ON DELETE CASCADE
);
