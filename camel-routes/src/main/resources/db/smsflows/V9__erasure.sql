-- Data-subject erasure (issue 11): an erased number's opt-outs stay, under a salted hash of the number instead of
-- the number; the salt is made once per database (so every node hashes alike) and never leaves it.
create table sms_privacy (
    id   integer      not null primary key,
    salt varchar(64)  not null
);
