-- Which routing rule and carrier took each message (issue 10): operators see it, and the parts of a message that
-- went out in part stay on the carrier that has the others (SMSCs reassemble per connection).
alter table sms_message add column carrier varchar(64);
alter table sms_message add column route_rule varchar(64);
