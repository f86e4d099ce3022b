-- Which routing rule and carrier took each message (issue 10): operators see it, and the parts of a message that
-- went out in part stay on the carrier that has the others (SMSCs reassemble per connection).
alter table sms_message add column carrier varchar(64);
alter table sms_message add column route_rule varchar(64);

-- Signed webhooks of HTTP providers already processed: a replayed request (same carrier, same signature) is
-- answered 200 and stores nothing. Old rows can be deleted once older than the signature tolerance.
create table sms_webhook_event (
    carrier     varchar(64)   not null,
    signature   varchar(256)  not null,
    kind        varchar(16)   not null,
    received_at timestamp with time zone not null,
    primary key (carrier, signature)
);
