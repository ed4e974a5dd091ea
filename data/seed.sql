-- claimtrack seed data: data/seed.sql
--
-- Every checkable claim in The Bell's interview with Andrei Lankov, "How North Korea became
-- Russia's ally" (shared/seed-article.txt), each attributed to the person or body that made it:
-- Andrei Lankov, Kim Yo-Jong, The Bell itself, or the unnamed media reports it mentions.
--
-- Loaded by `claimtrack init --seed`. Portable SQL for SQLite and PostgreSQL: only INSERT
-- statements and comments, no explicit ids (rows refer to each other through subqueries on
-- source.name_key, tag.name and claim.uuid). Idempotent: every INSERT is guarded by
-- WHERE NOT EXISTS, so running the file again adds nothing. Claim uuids are fixed and must
-- never change, and every timestamp is fixed at 2023-02-15T12:00:00Z so the seed is deterministic.
--
-- Dates (said_on) are inferred from the article's wording, which gives no explicit dates:
--   * the article appeared "almost a year after" the February 2022 invasion, so statements made
--     in the interview or by The Bell are dated 2023-02-15,
--   * Kim Yo-Jong spoke "last month" -> 2023-01-27,
--   * the media reports about workers appeared "earlier this month" -> 2023-02-01,
--   * "In May" (the Russian veto) is read as May 2022.
--
-- Confidence is the SPEAKER's own hedging mapped to an ICD 203 band, stored as the band's
-- midpoint with the phrase in confidence_phrase:
--   almost no chance 0.03, very unlikely 0.125, unlikely 0.325, roughly even chance 0.5,
--   likely 0.675, very likely 0.875, almost certain 0.97.
--   * unhedged statement of fact or analysis by the expert       -> very likely
--   * unhedged reporting by the outlet itself                     -> almost certain
--   * softened by "generally speaking" / "has the potential"      -> likely
--   * "a good chance this story could be true"                    -> likely
--   * "most likely", backed by "it is not possible"               -> very likely (a judgement)
--   * "does not believe this likely"                              -> unlikely
--   * a pledge, or a report whose own certainty is not given      -> NULL (not assessed)
-- Status is 'unverified' except where the article reports a matter of public record, which is
-- seeded 'confirmed' with a matching 'status' event. Every claim has exactly one 'created' event.

-- Sources

INSERT INTO source (name, name_key, kind, reliability, url, notes, created_at)
SELECT 'Andrei Lankov', 'andrei lankov', 'person', NULL, NULL, 'Professor at Kookmin University, Seoul (spelled "Kunmin" in the article), North Korea specialist', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM source WHERE name_key = 'andrei lankov');

INSERT INTO source (name, name_key, kind, reliability, url, notes, created_at)
SELECT 'Kim Yo-Jong', 'kim yo-jong', 'person', NULL, NULL, 'Sister of North Korean leader Kim Jong-un, senior figure in the ruling Workers'' Party of Korea', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM source WHERE name_key = 'kim yo-jong');

INSERT INTO source (name, name_key, kind, reliability, url, notes, created_at)
SELECT 'The Bell', 'the bell', 'outlet', NULL, NULL, 'Independent Russian news outlet that published the interview with Andrei Lankov', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM source WHERE name_key = 'the bell');

INSERT INTO source (name, name_key, kind, reliability, url, notes, created_at)
SELECT 'Unnamed media reports', 'unnamed media reports', 'other', NULL, NULL, 'Media reports cited but not named in The Bell''s article', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM source WHERE name_key = 'unnamed media reports');

-- Tags

INSERT INTO tag (name) SELECT 'north-korea' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'north-korea');
INSERT INTO tag (name) SELECT 'russia' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'russia');
INSERT INTO tag (name) SELECT 'ukraine' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'ukraine');
INSERT INTO tag (name) SELECT 'alliance' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'alliance');
INSERT INTO tag (name) SELECT 'propaganda' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'propaganda');
INSERT INTO tag (name) SELECT 'workers' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'workers');
INSERT INTO tag (name) SELECT 'media' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'media');
INSERT INTO tag (name) SELECT 'sanctions' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'sanctions');
INSERT INTO tag (name) SELECT 'un-security-council' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'un-security-council');
INSERT INTO tag (name) SELECT 'nuclear' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'nuclear');
INSERT INTO tag (name) SELECT 'ammunition' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'ammunition');
INSERT INTO tag (name) SELECT 'pandemic' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'pandemic');

-- Claim 1. Article: North Korea continues to support Russia almost a year after the Russian invasion of Ukraine.
-- Note: The outlet's own unhedged reporting.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1',
  'North Korea has continued to support Russia throughout the first year of Russia''s invasion of Ukraine.',
  'North Korea continues to support Russia almost a year after the Russian invasion of Ukraine.',
  (SELECT id FROM source WHERE name_key = 'the bell'), NULL, '2023-02-15', 'unverified', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1' AND t.name = 'ukraine'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1' AND t.name = 'alliance'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 2. Article: Kim Yo-Jong ... promised last month that Pyongyang would always “stand in the same trench as the Russian army.”
-- Note: A claim ABOUT what she said, reported by the outlet. Her promise itself is the next claim.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '25767b42-fca7-412a-abd6-c95715c045b5',
  'In January 2023 Kim Yo-Jong publicly promised that North Korea would always "stand in the same trench as the Russian army".',
  'promised last month that Pyongyang would always “stand in the same trench as the Russian army.”',
  (SELECT id FROM source WHERE name_key = 'the bell'), NULL, '2023-02-15', 'confirmed', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '25767b42-fca7-412a-abd6-c95715c045b5');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '25767b42-fca7-412a-abd6-c95715c045b5' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '25767b42-fca7-412a-abd6-c95715c045b5' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '25767b42-fca7-412a-abd6-c95715c045b5' AND t.name = 'alliance'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '25767b42-fca7-412a-abd6-c95715c045b5' AND t.name = 'propaganda'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '25767b42-fca7-412a-abd6-c95715c045b5'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'status', 'status', 'unverified', 'confirmed', 'Reported as fact in the article: a public statement on the record', NULL
FROM claim c WHERE c.uuid = '25767b42-fca7-412a-abd6-c95715c045b5'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'status');

-- Claim 3. Article: Kim Yo-Jong ... promised last month that Pyongyang would always “stand in the same trench as the Russian army.”
-- Note: A political pledge, not an assessment: confidence left empty.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '7b4ca338-819a-4392-8bd1-bedaa0b77078',
  'North Korea will always stand with the Russian army ("in the same trench").',
  'stand in the same trench as the Russian army',
  (SELECT id FROM source WHERE name_key = 'kim yo-jong'), NULL, '2023-01-27', 'unverified', NULL, NULL, NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '7b4ca338-819a-4392-8bd1-bedaa0b77078');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7b4ca338-819a-4392-8bd1-bedaa0b77078' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7b4ca338-819a-4392-8bd1-bedaa0b77078' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7b4ca338-819a-4392-8bd1-bedaa0b77078' AND t.name = 'alliance'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7b4ca338-819a-4392-8bd1-bedaa0b77078' AND t.name = 'propaganda'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '7b4ca338-819a-4392-8bd1-bedaa0b77078'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 4. Article: Earlier this month, there was great excitement over a story that North Korea might send workers to Russian-occupied eastern Ukraine.
-- Note: The article does not say how firmly the reports put it ("might"): confidence left empty.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '47ebfc3c-6971-45ce-9a6c-8f651780dd06',
  'North Korea will send workers to Russian-occupied eastern Ukraine.',
  NULL,
  (SELECT id FROM source WHERE name_key = 'unnamed media reports'), NULL, '2023-02-01', 'unverified', NULL, NULL, NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '47ebfc3c-6971-45ce-9a6c-8f651780dd06');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '47ebfc3c-6971-45ce-9a6c-8f651780dd06' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '47ebfc3c-6971-45ce-9a6c-8f651780dd06' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '47ebfc3c-6971-45ce-9a6c-8f651780dd06' AND t.name = 'ukraine'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '47ebfc3c-6971-45ce-9a6c-8f651780dd06' AND t.name = 'workers'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '47ebfc3c-6971-45ce-9a6c-8f651780dd06' AND t.name = 'media'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '47ebfc3c-6971-45ce-9a6c-8f651780dd06'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 5. Article: Russia is engaged in a major conflict with the west and is now guided by a familiar geopolitical principle: the enemy of my enemy is my friend, Lankov said. Pyongyang is susceptible to the same idea
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '8a3cee50-a148-49bb-af31-05cb6e6deba2',
  'Russia, in a major conflict with the West, treats North Korea by the principle "the enemy of my enemy is my friend", and Pyongyang follows the same logic towards Russia.',
  'the enemy of my enemy is my friend',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '8a3cee50-a148-49bb-af31-05cb6e6deba2');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '8a3cee50-a148-49bb-af31-05cb6e6deba2' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '8a3cee50-a148-49bb-af31-05cb6e6deba2' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '8a3cee50-a148-49bb-af31-05cb6e6deba2' AND t.name = 'alliance'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '8a3cee50-a148-49bb-af31-05cb6e6deba2'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 6. Article: even though a few years ago Russia joined UN sanctions.
-- Note: Unhedged statement by the expert, and a matter of public record.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '4cc0941e-783b-4183-a51a-139bffbdbd36',
  'A few years before the invasion of Ukraine, Russia joined UN sanctions against North Korea.',
  'a few years ago Russia joined UN sanctions',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'confirmed', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36' AND t.name = 'sanctions'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36' AND t.name = 'un-security-council'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'status', 'status', 'unverified', 'confirmed', 'Reported as fact in the article: a matter of record (Russia voted for the UN Security Council sanctions resolutions on North Korea, e.g. in 2016-2017)', NULL
FROM claim c WHERE c.uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'status');

-- Claim 7. Article: Generally speaking, the Kremlin's only concern is North Korea's nuclear program, which has the potential to establish a dangerous precedent and erode Russia's status as a nuclear power, according to Lankov.
-- Note: "Generally speaking" and "has the potential" soften it: likely rather than very likely.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5',
  'The Kremlin''s only real concern about North Korea is its nuclear programme, which could set a dangerous precedent and erode Russia''s status as a nuclear power.',
  'Generally speaking, the Kremlin’s only concern is North Korea’s nuclear program',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.675, 'likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5' AND t.name = 'nuclear'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 8. Article: Today, Lankov said, North Korea is simply a situational ally for Russia. The relationship between the countries is entirely pragmatic
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'f6e90368-1505-49c8-a6f9-2cb436be82a2',
  'North Korea is only a situational ally of Russia: the relationship between the two countries is entirely pragmatic.',
  'North Korea is simply a situational ally for Russia. The relationship between the countries is entirely pragmatic',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2' AND t.name = 'alliance'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 9. Article: Moscow can ask Pyongyang for weapons and ammunition ... or to recognize annexed territory in Ukraine.
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'fb1a5442-cfff-4c24-a125-543be58eac8e',
  'Russia can ask North Korea to supply weapons and ammunition, or to recognise Russia''s annexation of Ukrainian territory.',
  'Moscow can ask Pyongyang for weapons and ammunition',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'fb1a5442-cfff-4c24-a125-543be58eac8e');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'fb1a5442-cfff-4c24-a125-543be58eac8e' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'fb1a5442-cfff-4c24-a125-543be58eac8e' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'fb1a5442-cfff-4c24-a125-543be58eac8e' AND t.name = 'ukraine'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'fb1a5442-cfff-4c24-a125-543be58eac8e' AND t.name = 'ammunition'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = 'fb1a5442-cfff-4c24-a125-543be58eac8e'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 10. Article: (for many years North Korea produced huge quantities of ammunition for Soviet artillery systems)
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '7a11a96f-6518-444f-b502-88a773cf08eb',
  'For many years North Korea produced huge quantities of ammunition for Soviet-designed artillery systems.',
  'for many years North Korea produced huge quantities of ammunition for Soviet artillery systems',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '7a11a96f-6518-444f-b502-88a773cf08eb');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7a11a96f-6518-444f-b502-88a773cf08eb' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7a11a96f-6518-444f-b502-88a773cf08eb' AND t.name = 'ammunition'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '7a11a96f-6518-444f-b502-88a773cf08eb'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 11. Article: In return, Pyongyang can rely on Russian support as a permanent member of the UN Security Council.
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '2bea5a37-9068-4456-a6e5-bbc757a3f535',
  'North Korea can rely on Russia, as a permanent member of the UN Security Council, to support it there.',
  'Pyongyang can rely on Russian support as a permanent member of the UN Security Council',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '2bea5a37-9068-4456-a6e5-bbc757a3f535');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2bea5a37-9068-4456-a6e5-bbc757a3f535' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2bea5a37-9068-4456-a6e5-bbc757a3f535' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2bea5a37-9068-4456-a6e5-bbc757a3f535' AND t.name = 'un-security-council'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '2bea5a37-9068-4456-a6e5-bbc757a3f535'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 12. Article: In May, for example, Russia vetoed further UN sanctions against North Korea.
-- Note: Part of Lankov's answer as relayed by The Bell, and a matter of public record. "May" is read as May 2022.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '6c9e1222-4c68-434d-bee1-e9837ece8ae3',
  'In May 2022 Russia vetoed further UN Security Council sanctions against North Korea.',
  'In May, for example, Russia vetoed further UN sanctions against North Korea.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'confirmed', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3' AND t.name = 'sanctions'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3' AND t.name = 'un-security-council'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'status', 'status', 'unverified', 'confirmed', 'Reported as fact in the article: a matter of record (Russia and China vetoed a draft Security Council resolution on new sanctions in May 2022)', NULL
FROM claim c WHERE c.uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'status');

-- Claim 13. Article: North Korea's newspapers write nothing about the war in Ukraine.
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'c8efced6-6e0d-49c7-88d1-e86495c157b0',
  'North Korea''s newspapers write nothing about the war in Ukraine.',
  'North Korea’s newspapers write nothing about the war in Ukraine.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0' AND t.name = 'media'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0' AND t.name = 'ukraine'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0' AND t.name = 'propaganda'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 14. Article: Since the start of 2020, the country's leaders decided news from the outside world should be as brief as possible.
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '5552c838-fb6c-40f5-b779-50ba764ce032',
  'Since the start of 2020 North Korea''s leadership has kept news from the outside world in its media as brief as possible.',
  'Since the start of 2020, the country’s leaders decided news from the outside world should be as brief as possible.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '5552c838-fb6c-40f5-b779-50ba764ce032');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '5552c838-fb6c-40f5-b779-50ba764ce032' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '5552c838-fb6c-40f5-b779-50ba764ce032' AND t.name = 'media'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '5552c838-fb6c-40f5-b779-50ba764ce032' AND t.name = 'propaganda'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '5552c838-fb6c-40f5-b779-50ba764ce032'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 15. Article: Kim Yo-Jong's speech was quite unusual as North Korean leaders very rarely make explicit statements about conflicts far from home.
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '99c77783-dfc0-426a-aae8-37cced31c5b2',
  'North Korean leaders very rarely make explicit statements about conflicts far from home, which made Kim Yo-Jong''s speech backing Russia unusual.',
  'Kim Yo-Jong’s speech was quite unusual as North Korean leaders very rarely make explicit statements about conflicts far from home.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '99c77783-dfc0-426a-aae8-37cced31c5b2');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '99c77783-dfc0-426a-aae8-37cced31c5b2' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '99c77783-dfc0-426a-aae8-37cced31c5b2' AND t.name = 'propaganda'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '99c77783-dfc0-426a-aae8-37cced31c5b2' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '99c77783-dfc0-426a-aae8-37cced31c5b2'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 16. Article: Lankov feels there is a good chance this story could be true.
-- Note: "a good chance this story could be true" -> likely (0.675). Same wording as the unnamed reports' claim.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '7a65915c-0be3-42af-ab77-f2916750694b',
  'North Korea will send workers to Russian-occupied eastern Ukraine.',
  NULL,
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.675, 'likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '7a65915c-0be3-42af-ab77-f2916750694b');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7a65915c-0be3-42af-ab77-f2916750694b' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7a65915c-0be3-42af-ab77-f2916750694b' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7a65915c-0be3-42af-ab77-f2916750694b' AND t.name = 'ukraine'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7a65915c-0be3-42af-ab77-f2916750694b' AND t.name = 'workers'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '7a65915c-0be3-42af-ab77-f2916750694b'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 17. Article: Traditionally, many North Koreans were willing to pay bribes to get work in Russia because it generates a good income.
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'df212579-8d5a-4fc2-ad03-453f309c228a',
  'Traditionally many North Koreans were willing to pay bribes to get work in Russia, because it paid well.',
  'Traditionally, many North Koreans were willing to pay bribes to get work in Russia because it generates a good income.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'df212579-8d5a-4fc2-ad03-453f309c228a');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'df212579-8d5a-4fc2-ad03-453f309c228a' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'df212579-8d5a-4fc2-ad03-453f309c228a' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'df212579-8d5a-4fc2-ad03-453f309c228a' AND t.name = 'workers'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = 'df212579-8d5a-4fc2-ad03-453f309c228a'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 18. Article: On the other hand, most likely we are talking about workers already in Russia. ... With no international air traffic, it is not possible for a new workforce to reach other countries.
-- Note: "most likely", backed by "it is not possible" for new workers to travel -> very likely (a judgement, likely would also be defensible).
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '2d74c65d-cfaf-4ed8-8517-503b53037a5a',
  'Any North Korean workers sent to occupied eastern Ukraine would be workers already in Russia, because with no international air traffic no new North Korean workforce can reach other countries.',
  'most likely we are talking about workers already in Russia',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a' AND t.name = 'ukraine'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a' AND t.name = 'workers'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 19. Article: Since the start of the pandemic, North Korea has closed its borders.
-- Note: Unhedged statement by the expert, and a matter of public record.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '7265aee2-977d-43d0-bb49-357fbc4b1991',
  'North Korea has kept its borders closed since the start of the COVID-19 pandemic.',
  'Since the start of the pandemic, North Korea has closed its borders.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'confirmed', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '7265aee2-977d-43d0-bb49-357fbc4b1991');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7265aee2-977d-43d0-bb49-357fbc4b1991' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7265aee2-977d-43d0-bb49-357fbc4b1991' AND t.name = 'pandemic'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '7265aee2-977d-43d0-bb49-357fbc4b1991'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'status', 'status', 'unverified', 'confirmed', 'Reported as fact in the article: a matter of record (North Korea sealed its borders in January 2020)', NULL
FROM claim c WHERE c.uuid = '7265aee2-977d-43d0-bb49-357fbc4b1991'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'status');

-- Claim 20. Article: Some Russian commentators fear Russia could turn into North Korea, but Lankov does not believe this likely.
-- Note: "does not believe this likely" -> unlikely (0.325): the claim is stated positively, his doubt is the confidence.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '294cd946-ac47-422c-835d-7ca9dd103dfc',
  'Russia will turn into a state like North Korea.',
  NULL,
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.325, 'unlikely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '294cd946-ac47-422c-835d-7ca9dd103dfc');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '294cd946-ac47-422c-835d-7ca9dd103dfc' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '294cd946-ac47-422c-835d-7ca9dd103dfc' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '294cd946-ac47-422c-835d-7ca9dd103dfc'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 21. Article: Firstly, the North Korean system emerged from a popular revolution. Russia's power vertical, by contrast, was developed over a longer period after democratic elections.
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '602e26b0-d5cc-44bb-a0e0-1522220ed0fa',
  'North Korea''s political system emerged from a popular revolution, whereas Russia''s power vertical was built up gradually after democratic elections.',
  'the North Korean system emerged from a popular revolution. Russia’s power vertical, by contrast, was developed over a longer period after democratic elections.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '602e26b0-d5cc-44bb-a0e0-1522220ed0fa');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '602e26b0-d5cc-44bb-a0e0-1522220ed0fa' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '602e26b0-d5cc-44bb-a0e0-1522220ed0fa' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '602e26b0-d5cc-44bb-a0e0-1522220ed0fa'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 22. Article: Secondly, North Korea is a small country with a rigid hierarchy and a population steeped in Confucian principles ... Russia is not like that. “The country is too big, too complicated and too diverse,” Lankov said.
-- Note: Unhedged statement by the expert.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '34621519-cfa5-4024-9977-33816f17d915',
  'Unlike North Korea, a small country with a rigid hierarchy and a population steeped in Confucian deference, Russia is too big, too complicated and too diverse to become like North Korea.',
  'The country is too big, too complicated and too diverse',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '34621519-cfa5-4024-9977-33816f17d915');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '34621519-cfa5-4024-9977-33816f17d915' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '34621519-cfa5-4024-9977-33816f17d915' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '34621519-cfa5-4024-9977-33816f17d915'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');

-- Claim 23. Article: However, these countries are a long way from any fully-fledged alliance.
-- Note: The outlet's own analysis, unhedged: very likely.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '6ffbe77e-87bf-448e-95fc-592bcb72dabb',
  'Russia and North Korea are a long way from a fully-fledged alliance. For now each gains from offering the other symbolic support amid the war in Ukraine and Russia''s isolation.',
  'these countries are a long way from any fully-fledged alliance',
  (SELECT id FROM source WHERE name_key = 'the bell'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb' AND t.name = 'russia'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb' AND t.name = 'north-korea'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb' AND t.name = 'alliance'
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded from The Bell interview with Andrei Lankov', NULL
FROM claim c WHERE c.uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb'
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created');
