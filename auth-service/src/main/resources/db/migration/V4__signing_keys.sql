-- auth-service: the key ring that signs access tokens (RS256). A key is published in the JWKS from
-- its creation, signs from activates_at (so verifiers have fetched it first), and stays published
-- after a newer key takes over for as long as the tokens it signed can live.
create table signing_key (
    kid          text primary key,           -- RFC 7638 thumbprint of the public key
    private_key  text        not null,       -- PKCS#8 PEM; protect this database like the key itself
    created_at   timestamptz not null,
    activates_at timestamptz not null
);
