-- SMS Flows core tables. Portable SQL: runs on H2 2.x and PostgreSQL 13+.
-- Timestamps are "with time zone" and written as UTC instants.

-- The transactional outbox: one row per message, written in the same transaction as the process state.
create table sms_message (
    id                   varchar(36)   not null primary key,
    idempotency_key      varchar(255)  not null,
    process_instance_id  varchar(64),
    business_key         varchar(255),
    activity_id          varchar(255),
    delivered_message    varchar(255),
    failed_message       varchar(255),
    recipient            varchar(32)   not null,
    sender               varchar(32),
    body                 varchar(10000) not null,
    category             varchar(32)   not null,
    encoding             varchar(8),
    parts                integer,
    smart_replacement    boolean       default false not null,
    concat_ref           integer,
    status               varchar(16)   not null,
    attempts             integer       default 0 not null,
    next_attempt_at      timestamp with time zone not null,
    claimed_by           varchar(64),
    claimed_until        timestamp with time zone,
    error_code           varchar(32),
    error_text           varchar(1000),
    created_at           timestamp with time zone not null,
    submitted_at         timestamp with time zone,
    done_at              timestamp with time zone,
    notify_status        varchar(16)   default 'NONE' not null,
    notify_attempts      integer       default 0 not null,
    notify_next_at       timestamp with time zone,
    constraint uq_sms_message_idempotency unique (idempotency_key)
);
create index ix_sms_message_due on sms_message (status, next_attempt_at);
create index ix_sms_message_notify on sms_message (notify_status, notify_next_at);
create index ix_sms_message_process on sms_message (process_instance_id);

-- One row per submitted part; the SMSC's message id (normalised) is what receipts refer to.
create table sms_part (
    message_id           varchar(36)   not null,
    part_no              integer       not null,
    smsc_message_id      varchar(64),
    status               varchar(16)   not null,
    error_code           varchar(32),
    submitted_at         timestamp with time zone,
    done_at              timestamp with time zone,
    constraint pk_sms_part primary key (message_id, part_no),
    constraint fk_sms_part_message foreign key (message_id) references sms_message (id)
);
create index ix_sms_part_smsc_id on sms_part (smsc_message_id);

-- Every delivery receipt, stored before it is acknowledged and before it is matched.
create table sms_receipt (
    id                   varchar(36)   not null primary key,
    smsc_message_id      varchar(64)   not null,
    raw_message_id       varchar(80),
    state                varchar(16)   not null,
    error_code           varchar(32),
    submit_date          timestamp with time zone,
    done_date            timestamp with time zone,
    source_addr          varchar(32),
    dest_addr            varchar(32),
    raw_text             varchar(1000),
    received_at          timestamp with time zone not null,
    status               varchar(16)   not null,
    attempts             integer       default 0 not null,
    next_attempt_at      timestamp with time zone,
    message_id           varchar(36),
    part_no              integer
);
create index ix_sms_receipt_status on sms_receipt (status, next_attempt_at);
create index ix_sms_receipt_smsc_id on sms_receipt (smsc_message_id);

-- Every inbound (mobile-originated) message, stored before the SMSC gets its deliver_sm_resp.
create table sms_inbound (
    id                   varchar(36)   not null primary key,
    source_addr          varchar(32),
    dest_addr            varchar(32),
    body                 varchar(10000),
    data_coding          integer,
    raw_hex              varchar(2000),
    received_at          timestamp with time zone not null,
    status               varchar(16)   not null,
    reason               varchar(1000)
);
create index ix_sms_inbound_status on sms_inbound (status);
