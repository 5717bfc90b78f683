-- auth-service: signing keys encrypted at rest (envelope encryption, KeyEncryption). Each private key is
-- encrypted with its own random AES-256 data key (AES-GCM); the data key is wrapped with a key-encryption
-- key (KEK) from the environment (kelas.auth.jwt.key-encryption-keys), named by kek_id. A row is either a
-- legacy plaintext row (no KEK configured yet; sealed at the next start with a KEK) or a sealed one.
alter table signing_key alter column private_key drop not null;
alter table signing_key add column encrypted_private_key bytea;
alter table signing_key add column wrapped_data_key bytea;
alter table signing_key add column kek_id text;
alter table signing_key add constraint signing_key_plain_or_sealed check (
    (private_key is not null and encrypted_private_key is null and wrapped_data_key is null and kek_id is null)
    or (private_key is null and encrypted_private_key is not null and wrapped_data_key is not null and kek_id is not null));
