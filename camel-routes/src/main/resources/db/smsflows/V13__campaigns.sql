-- Campaigns: one process instance each; its audience is rows here, sent as one batch per variant and group.
create table sms_campaign (
    id                   varchar(36)   not null primary key,
    request_id           varchar(255)  not null,
    name                 varchar(255)  not null,
    category             varchar(32)   not null,
    request              varchar(1000000) not null,
    definition           varchar(100000),
    -- sends that could not be made (a variant's group left empty, a sender refused), in words, for the report
    problems             varchar(4000),
    process_instance_id  varchar(64),
    created_by           varchar(128),
    created_at           timestamp with time zone not null
);
create unique index ux_sms_campaign_request on sms_campaign (request_id);

-- The audience, checked before anyone approves: excluded rows keep their reason and are never sent.
create table sms_campaign_recipient (
    campaign_id          varchar(36)   not null,
    row_index            integer       not null,
    recipient            varchar(32),
    country              varchar(2),
    variant              varchar(16),
    test_group           boolean       default false not null,
    locale               varchar(16),
    variables            varchar(4000),
    excluded             varchar(32),
    primary key (campaign_id, row_index)
);
create index ix_sms_campaign_recipient_send on sms_campaign_recipient (campaign_id, variant, test_group);

-- Which campaign and variant a batch sends (null: a batch of its own).
alter table sms_batch add column campaign_id varchar(36);
alter table sms_batch add column variant varchar(16);
create index ix_sms_batch_campaign on sms_batch (campaign_id);

-- Revenue the CRM attributes to a campaign (POST /api/campaigns/{id}/conversions); event_id makes a resend harmless.
create table sms_campaign_conversion (
    campaign_id          varchar(36)   not null,
    event_id             varchar(255)  not null,
    recipient            varchar(32),
    variant              varchar(16),
    amount               decimal(18,4),
    currency             varchar(3),
    occurred_at          timestamp with time zone not null,
    primary key (campaign_id, event_id)
);
create index ix_sms_batch_process on sms_batch (process_instance_id);
