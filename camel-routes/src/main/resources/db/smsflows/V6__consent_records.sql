-- Consent records (issue 11): the current consent per number and scope ('marketing' for every sender, or
-- 'marketing:<sender>'); every change also goes to sms_consent_event. A marketing message needs a granted one when
-- it goes on the wire, and records which one allowed it.
create table sms_consent (
    id          varchar(36)   not null,
    recipient   varchar(32)   not null,
    scope       varchar(64)   not null,
    granted     boolean       not null,
    source      varchar(32)   not null,
    proof       varchar(2000),
    recorded_by varchar(255),
    changed_at  timestamp with time zone not null,
    primary key (recipient, scope)
);
alter table sms_message add column consent_id varchar(36);
