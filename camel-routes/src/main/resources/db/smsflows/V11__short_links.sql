-- Short links: {{link:https://...}} in a text becomes https://<host>/s/<code>, one code per message.
create table sms_link (
    code                 varchar(16)   not null primary key,
    target_url           varchar(2000) not null,
    message_id           varchar(36),
    batch_id             varchar(36),
    recipient            varchar(32),
    created_at           timestamp with time zone not null,
    expires_at           timestamp with time zone not null
);
create index ix_sms_link_batch on sms_link (batch_id);

-- Every request to a short link; bots and link previews are kept but flagged, and not counted as clicks.
create table sms_link_click (
    id                   varchar(36)   not null primary key,
    code                 varchar(16)   not null,
    clicked_at           timestamp with time zone not null,
    user_agent           varchar(500),
    bot                  boolean       not null
);
create index ix_sms_link_click_code on sms_link_click (code);
