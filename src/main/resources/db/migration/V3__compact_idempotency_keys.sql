-- What one client can make us keep for 24 hours is every keyed request, refused ones too. Keep
-- each as small as a replay allows: the key as its SHA-256 (a 255-character key was stored twice,
-- in the table and in its primary key index), the fingerprint as its 32 bytes instead of 64 hex
-- characters, and the age index as a BRIN (rows arrive in age order; the cleanup is its only reader).
alter table idempotency_key add column key_hash bytea, add column fingerprint_bytes bytea;
update idempotency_key set key_hash = sha256(convert_to(key, 'UTF8')), fingerprint_bytes = decode(fingerprint, 'hex');
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key drop column key, drop column fingerprint;
alter table idempotency_key rename column fingerprint_bytes to fingerprint;
alter table idempotency_key
    alter column key_hash set not null,
    alter column fingerprint set not null,
    add constraint idempotency_key_pkey primary key (key_hash),
    add constraint idempotency_key_hash_sha256 check (octet_length(key_hash) = 32),
    add constraint idempotency_fingerprint_sha256 check (octet_length(fingerprint) = 32),
    alter column response_status type smallint;
drop index idempotency_key_created_at;
create index idempotency_key_created_at on idempotency_key using brin (created_at);
