-- Trigram indexes for name search (organizations.search_text, src/modules/search). pg_trgm is a
-- trusted extension since PostgreSQL 13; the embedded PGlite loads it in src/db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
