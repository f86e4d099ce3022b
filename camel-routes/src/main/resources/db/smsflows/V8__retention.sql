-- Retention (issue 11): message and reply texts are erased after smsflows.retention.bodies (metadata kept: time,
-- parts, status, cost, carrier); the sweep finds them by these indexes.
alter table sms_message add column body_erased_at timestamp with time zone;
alter table sms_inbound add column body_erased_at timestamp with time zone;
create index ix_sms_message_retention on sms_message (body_erased_at, done_at);
create index ix_sms_inbound_retention on sms_inbound (body_erased_at, received_at);
