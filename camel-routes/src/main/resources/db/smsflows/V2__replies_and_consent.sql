-- Two-way messaging and opt-outs. Portable SQL: runs on H2 2.x and PostgreSQL 13+.

-- Inbound messages get what reply handling needs: the decoded text, concatenation keys for reassembly,
-- a duplicate fingerprint, and processing state (retried while the waiting process is not ready).
alter table sms_inbound add column kind            varchar(16);
alter table sms_inbound add column fingerprint     varchar(64);
alter table sms_inbound add column concat_ref      integer;
alter table sms_inbound add column concat_total    integer;
alter table sms_inbound add column concat_seq      integer;
alter table sms_inbound add column assembled_id    varchar(36);
alter table sms_inbound add column normalised_text varchar(1000);
alter table sms_inbound add column intent          varchar(16);
alter table sms_inbound add column conversation_id varchar(36);
alter table sms_inbound add column attempts        integer default 0 not null;
alter table sms_inbound add column next_attempt_at timestamp with time zone;
create index ix_sms_inbound_due on sms_inbound (status, next_attempt_at);
create index ix_sms_inbound_fingerprint on sms_inbound (fingerprint);
create index ix_sms_inbound_concat on sms_inbound (source_addr, concat_ref, concat_total);

-- A process waiting for a reply from a number: the inbound reply is correlated into it.
create table sms_conversation (
    id                   varchar(36)   not null primary key,
    recipient            varchar(32)   not null,
    our_number           varchar(32),
    process_instance_id  varchar(64)   not null,
    business_key         varchar(255),
    message_name         varchar(255)  not null,
    locale               varchar(16),
    sms_message_id       varchar(36),
    status               varchar(16)   not null,
    created_at           timestamp with time zone not null,
    expires_at           timestamp with time zone not null,
    closed_at            timestamp with time zone,
    inbound_id           varchar(36)
);
create index ix_sms_conversation_open on sms_conversation (recipient, status);
create index ix_sms_conversation_process on sms_conversation (process_instance_id);

-- Numbers that must not receive messages. One active row per number and scope (GLOBAL or a sender/brand);
-- removing keeps the row (removed_at) as the record of consent history.
create table sms_suppression (
    id                      varchar(36)   not null primary key,
    recipient               varchar(32)   not null,
    scope                   varchar(64)   not null,
    source                  varchar(32)   not null,
    reason                  varchar(1000),
    proof                   varchar(2000),
    inbound_id              varchar(36),
    created_by              varchar(128),
    created_at              timestamp with time zone not null,
    confirmation_message_id varchar(36),
    removed_at              timestamp with time zone,
    removed_by              varchar(128),
    removed_reason          varchar(1000)
);
create index ix_sms_suppression_recipient on sms_suppression (recipient, removed_at);

-- Audit trail of every consent change (who, when, why, from where).
create table sms_consent_event (
    id                   varchar(36)   not null primary key,
    recipient            varchar(32)   not null,
    scope                varchar(64)   not null,
    action               varchar(16)   not null,
    source               varchar(32)   not null,
    actor                varchar(128),
    reason               varchar(1000),
    proof                varchar(2000),
    at                   timestamp with time zone not null
);
create index ix_sms_consent_event_recipient on sms_consent_event (recipient, at);

-- One row per number ever sent to or opted out: locked (select for update) by every submission and every
-- suppression change of that number, so an opt-out and a submission never interleave (see RecipientGate).
-- It also counts the concatenation references of the number, so two messages in flight to it never share one.
create table sms_recipient_lock (
    recipient            varchar(32)   not null primary key,
    next_concat_ref      integer       default 0 not null
);

-- At most one automatic reply per number and day (HELP text to unsolicited messages).
create table sms_auto_reply (
    recipient            varchar(32)   not null,
    reply_day            date          not null,
    constraint pk_sms_auto_reply primary key (recipient, reply_day)
);
