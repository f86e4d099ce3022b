-- The journey (root process definition key) that asked: answer rates per journey, the SMS pumping alert.
alter table sms_conversation add column journey varchar(255);
create index ix_sms_conversation_created on sms_conversation (created_at);
