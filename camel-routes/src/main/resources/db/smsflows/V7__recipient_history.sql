-- Frequency caps (issue 11) read what one number received lately, at the wire, once per chunk: by recipient and
-- time, not by scanning the table.
create index ix_sms_message_recipient on sms_message (recipient, submitted_at);
