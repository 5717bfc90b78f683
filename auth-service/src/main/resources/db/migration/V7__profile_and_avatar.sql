-- A user's own profile: preferred language (a BCP 47 tag such as en-GB), time zone (an IANA zone id such as
-- Asia/Jakarta), both optional, and an avatar image kept in the file storage (kelas.auth.storage.*) under
-- avatar_key, with its content type, SHA-256 (its ETag) and when it was set. No avatar: all four null.
alter table app_user
    add column preferred_language text,
    add column time_zone          text,
    add column avatar_key         text,
    add column avatar_content_type text check (avatar_content_type in ('image/png', 'image/jpeg')),
    add column avatar_sha256      text,
    add column avatar_updated_at  timestamptz,
    add constraint app_user_avatar_whole check (
        (avatar_key is null) = (avatar_content_type is null)
        and (avatar_key is null) = (avatar_sha256 is null)
        and (avatar_key is null) = (avatar_updated_at is null));
