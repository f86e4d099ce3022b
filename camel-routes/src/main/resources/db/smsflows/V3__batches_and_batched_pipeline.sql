-- Bulk sends (batches) and the batched pipeline. Portable SQL: runs on H2 2.x and PostgreSQL 13+.

-- A message may belong to a batch; its country prices it; claims and lease recoveries count possible duplicates.
alter table sms_message add column batch_id            varchar(36);
alter table sms_message add column batch_index         integer;
alter table sms_message add column country             varchar(2);
-- true after a node's lease ran out while it held the message: parts without an SMSC id may be on the wire already
alter table sms_message add column recovered           boolean default false not null;
-- parts sent again after a lease recovery (the SMSC may have them twice)
alter table sms_message add column possible_duplicates integer default 0 not null;
-- A single-part message keeps its SMSC id here (no sms_part row): one row for its whole life.
alter table sms_message add column smsc_message_id     varchar(64);
create index ix_sms_message_smsc_id on sms_message (smsc_message_id);
-- The claim's index: due_at is set only while a message is QUEUED, so the later status changes (SENDING,
-- SUBMITTED, DELIVERED...) leave the index alone (an index on status changed with every one of them).
alter table sms_message add column due_at              timestamp with time zone;
update sms_message set due_at = next_attempt_at where status = 'QUEUED';
drop index ix_sms_message_due;
create index ix_sms_message_due on sms_message (due_at);
-- batch_id never changes: its index is written once (counts are kept on sms_batch)
create index ix_sms_message_batch on sms_message (batch_id);

-- One bulk send: a campaign's audience or an API's list, sent through the pipeline without a process per message.
create table sms_batch (
    id                   varchar(36)   not null primary key,
    idempotency_key      varchar(255)  not null,
    state                varchar(16)   not null,
    category             varchar(32)   not null,
    sender               varchar(32),
    text                 varchar(10000),
    template             varchar(255),
    locale               varchar(16),
    smart_replacement    boolean       default false not null,
    process_instance_id  varchar(64),
    business_key         varchar(255),
    activity_id          varchar(255),
    completed_message    varchar(255),
    created_by           varchar(128),
    created_at           timestamp with time zone not null,
    total_rows           integer       not null,
    accepted             integer       not null,
    rejected             integer       not null,
    -- where its messages stand, kept by the stages in the transactions that move them (one row to read for status)
    queued               integer       default 0 not null,
    submitted            integer       default 0 not null,
    delivered            integer       default 0 not null,
    failed               integer       default 0 not null,
    expired              integer       default 0 not null,
    suppressed           integer       default 0 not null,
    cancelled            integer       default 0 not null,
    parts                bigint        default 0 not null,
    cost                 decimal(18,6) default 0 not null,
    priced               boolean       default true not null,
    first_submitted_at   timestamp with time zone,
    last_done_at         timestamp with time zone,
    done_at              timestamp with time zone,
    cancelled_at         timestamp with time zone,
    notify_status        varchar(16)   default 'NONE' not null,
    notify_attempts      integer       default 0 not null,
    notify_next_at       timestamp with time zone,
    constraint uq_sms_batch_idempotency unique (idempotency_key)
);
create index ix_sms_batch_state on sms_batch (state);
create index ix_sms_batch_notify on sms_batch (notify_status, notify_next_at);

-- Rows of a batch that were refused, with the reason (the response shows the first ones).
create table sms_batch_rejection (
    batch_id             varchar(36)   not null,
    row_index            integer       not null,
    recipient            varchar(64),
    reason               varchar(1000) not null,
    constraint pk_sms_batch_rejection primary key (batch_id, row_index)
);
