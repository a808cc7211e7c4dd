-- Sign-in codes are counted per email and requesting client, so that a stranger's requests and
-- wrong guesses cannot silence a golfer: a code knows the client that asked for it (the SHA-256
-- of its address, not the address), and each wrong guess is a row naming email and client.
alter table sign_in_code
    add column client_hash bytea
        constraint sign_in_code_client_hash_sha256 check (client_hash is null or octet_length(client_hash) = 32);
create index sign_in_code_email_client on sign_in_code (email, client_hash, created_at);

create table sign_in_failure (
    email       text        not null
                            constraint sign_in_failure_email_lower check (email = lower(email)),
    client_hash bytea       not null
                            constraint sign_in_failure_client_hash_sha256 check (octet_length(client_hash) = 32),
    created_at  timestamptz not null default now()
);
create index sign_in_failure_email_client on sign_in_failure (email, client_hash, created_at);

-- An email column holds one mailbox and nothing an address header could read as more: no space,
-- control character, angle bracket, parenthesis, comma, semicolon, colon, quote or bracket
-- (V6 brought every row to that form; Mailbox is the full rule).
alter table golfer add constraint golfer_email_one_mailbox
    check (email !~ '[[:space:][:cntrl:]<>(),;:"\\\[\]]');
alter table booking add constraint booking_email_one_mailbox
    check (email is null or email !~ '[[:space:][:cntrl:]<>(),;:"\\\[\]]');
alter table member add constraint member_email_one_mailbox
    check (email !~ '[[:space:][:cntrl:]<>(),;:"\\\[\]]');
alter table sign_in_code add constraint sign_in_code_email_one_mailbox
    check (email !~ '[[:space:][:cntrl:]<>(),;:"\\\[\]]');
alter table email add constraint email_recipient_one_mailbox
    check (recipient !~ '[[:space:][:cntrl:]<>(),;:"\\\[\]]');
