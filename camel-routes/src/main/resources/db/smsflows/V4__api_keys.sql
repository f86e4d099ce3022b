-- API keys of machine clients (the CRM): only a SHA-256 hash of the secret is kept. A key acts as a Camunda user
-- (its groups give its roles). Several keys per user make rotation possible: create the new one, switch the
-- client over, revoke the old one. Portable SQL: runs on H2 2.x and PostgreSQL 13+.
create table sms_api_key (
    id          varchar(32)   not null primary key,
    user_id     varchar(255)  not null,
    name        varchar(255)  not null,
    secret_hash varchar(64)   not null,
    created_by  varchar(255),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone,
    revoked_at  timestamp with time zone,
    revoked_by  varchar(255)
);
create index ix_sms_api_key_user on sms_api_key (user_id);
