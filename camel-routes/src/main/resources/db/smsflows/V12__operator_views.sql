-- The operators' views (Cockpit plugin, /api/sms/messages): newest messages first and per-hour counts read
-- created_at; the replies of shown messages are found by their conversation's message.
create index ix_sms_message_created on sms_message (created_at);
create index ix_sms_conversation_message on sms_conversation (sms_message_id);
