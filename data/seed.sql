-- claimtrack seed data: data/seed.sql
--
-- Every checkable claim in The Bell's interview with Andrei Lankov, "How North Korea became
-- Russia's ally" (shared/seed-article.txt; https://en.thebell.io/how-north-korea-became-russia-s-ally),
-- as the article left them, and what happened to each as news arrived in 2023-2025.
-- Loaded by `claimtrack init --seed`. A fact-checker's review of an earlier version
-- (shared/seed-review.md) numbers the claims C1-C23 in the order below; C24-C29 are the claims it
-- found missing (its point P3). Each claim's comment says which review point it settles and how.
--
-- THE ARTICLE'S DATE. The page carries no date. It appeared after Kim Yo-Jong's statement of
-- 27 Jan 2023 ("last month") and Daily NK's story of 2 Feb 2023 ("earlier this month"), "almost a
-- year" after the invasion of 24 Feb 2022, and before the UN vote of 23 Feb 2023 it does not
-- mention: any day from 3 to 22 February fits. The seed takes the middle, 2023-02-15, for what was
-- said in the article and for when each claim was captured (created_at).
--
-- WHAT A CLAIM HOLDS.
--   * text: one checkable statement, stated positively, saying no more than its quote; a hedge
--     goes into the confidence, never into the text.
--   * source: who made the claim, as the article attributes it (Lankov, Kim Yo-Jong, The Bell
--     itself, the unnamed media reports, the unnamed Russian commentators).
--   * quote: the article's exact words, typographic quotes and apostrophes kept: every quote is a
--     substring of the article. The article is The Bell's English summary: apart from the
--     passages it puts in quotation marks, what Lankov, the media and the commentators said
--     reaches us as The Bell's reported speech. A claim whose quote is not the speaker's own
--     words is tagged `paraphrase` (`claimtrack list --tag paraphrase`).
--   * said_on: the day it was said: the article's day, except Kim Yo-Jong's pledge (27 Jan 2023,
--     KCNA) and the media story about workers (2 Feb 2023, Daily NK).
--   * url: the article, where every claim was read.
--
-- CONFIDENCE is the speaker's own hedging mapped to an ICD 203 band, stored as the band's
-- midpoint with its phrase, by one rule for every speaker:
--   * an unhedged statement of a checkable fact (a vote, a statement, a closure,
--     what newspapers print)                                        -> almost certain 0.97
--   * an unhedged judgement (analysis, motive, trend, generalisation),
--     by the expert or by the outlet itself                         -> very likely 0.875
--   * "generally speaking", "most likely", "a good chance this
--     story could be true", "I'd be more inclined"                  -> likely 0.675
--   * "might", "could"                                              -> roughly even chance 0.5
--   * "does not believe this likely"                                -> unlikely 0.325
--   * a pledge (a promise, not an assessment)                       -> not assessed (NULL)
-- Words that are part of what is claimed ("has the potential to") are not hedges.
--
-- PREDICTIONS (a claim about what will happen) are tagged `prediction` and carry a review date
-- (review_by): six months after the article for the story about workers, a year after for the
-- others, which give no horizon. `claimtrack due` lists those still open.
--
-- STATUS AT THE ARTICLE'S DATE is `unverified`, unless public evidence that already existed
-- settled it: then a status event on the article's day (a claim cannot be settled before it is
-- made) cites that evidence, and its note gives the evidence's own date. `claimtrack list
-- --as-of 2023-02-15` shows the article's view; nothing is confirmed there on the article's word.
--
-- WHAT HAPPENED NEXT is recorded as status changes and notes, each dated (`at`) the day the news
-- broke and recorded (`recorded_at`) on 2026-11-29, when the follow-ups were researched: they
-- are back-dated. Every status change cites an evidence URL, and every note does too; each note
-- says in our words what the page shows. Only news we found and checked is recorded; a claim
-- with none stays unverified. `disputed` means the evidence points both ways, or rests on one
-- unverifiable source. A claim true when said stays confirmed when it later goes out of date;
-- a note says so. Every status starts at `unverified` and the claim's status column is where
-- its status events end.
--
-- SOURCES' RELIABILITY is an Admiralty grade given when the claims were captured (the reason
-- is in each source's comment): B for the expert and the outlet, F (cannot be judged) for
-- the others.
--
-- LOADING. Portable SQL for SQLite and PostgreSQL: only INSERT statements and comments, no
-- explicit ids (rows refer to each other through subqueries on source.name_key, tag.name and
-- claim.uuid). Every timestamp is fixed, so loading is deterministic. It is idempotent: each
-- source, tag and claim is added only when missing (by name or uuid), and a claim's tags and
-- events only together with the claim (while it has no events yet), so running the file again
-- adds nothing and never touches a claim already stored, whatever happened to it since. A
-- database seeded by an older version keeps its claims as they were and gains only the new
-- ones. Claim uuids are fixed and never change.

-- Sources

-- Andrei Lankov: B (usually reliable): a specialist with decades of published work on North Korea.
INSERT INTO source (name, name_key, kind, reliability, url, notes, created_at)
SELECT 'Andrei Lankov', 'andrei lankov', 'person', 'B', NULL, 'Professor at Kookmin University, Seoul (spelled "Kunmin" in the article), North Korea specialist', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM source WHERE name_key = 'andrei lankov');

-- Kim Yo-Jong: F (cannot be judged): her statements are policy pledges, not reports.
INSERT INTO source (name, name_key, kind, reliability, url, notes, created_at)
SELECT 'Kim Yo-Jong', 'kim yo-jong', 'person', 'F', NULL, 'Sister of North Korean leader Kim Jong-un, senior figure in the ruling Workers'' Party of Korea', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM source WHERE name_key = 'kim yo-jong');

-- The Bell: B (usually reliable): an established independent outlet.
INSERT INTO source (name, name_key, kind, reliability, url, notes, created_at)
SELECT 'The Bell', 'the bell', 'outlet', 'B', NULL, 'Independent Russian news outlet that published the interview with Andrei Lankov', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM source WHERE name_key = 'the bell');

-- Unnamed media reports: F (cannot be judged): the article does not name them.
INSERT INTO source (name, name_key, kind, reliability, url, notes, created_at)
SELECT 'Unnamed media reports', 'unnamed media reports', 'other', 'F', NULL, 'Media reports cited but not named in The Bell''s article', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM source WHERE name_key = 'unnamed media reports');

-- Russian commentators: F (cannot be judged): the article does not name them.
INSERT INTO source (name, name_key, kind, reliability, url, notes, created_at)
SELECT 'Russian commentators', 'russian commentators', 'other', 'F', NULL, 'Unnamed Russian commentators cited in The Bell''s article', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM source WHERE name_key = 'russian commentators');

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
INSERT INTO tag (name) SELECT 'prediction' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'prediction');
INSERT INTO tag (name) SELECT 'paraphrase' WHERE NOT EXISTS (SELECT 1 FROM tag WHERE name = 'paraphrase');

-- Claims

-- C1. The Bell: North Korea continues to support Russia almost a year after the Russian invasion of Ukraine.
--   The outlet's own unhedged statement of a checkable fact: almost certain.
--   P8: a matter of public record when the article appeared (North Korea's votes at the UN), so it
--   is confirmed on the article's day, citing the record; P9: no "throughout".
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1',
  'North Korea continues to support Russia, almost a year after Russia''s invasion of Ukraine.',
  'North Korea continues to support Russia almost a year after the Russian invasion of Ukraine.',
  (SELECT id FROM source WHERE name_key = 'the bell'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1' AND t.name IN ('north-korea', 'russia', 'ukraine', 'alliance')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"almost certain","quote":"North Korea continues to support Russia almost a year after the Russian invasion of Ukraine.","review_by":null,"said_on":"2023-02-15","source":"The Bell","status":"unverified","tags":["alliance","north-korea","russia","ukraine"],"text":"North Korea continues to support Russia, almost a year after Russia''s invasion of Ukraine.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Matter of record when said: on 12 Oct 2022 North Korea was one of five countries voting against the UN General Assembly resolution that condemned Russia''s annexation of four Ukrainian regions.', 'https://kyivindependent.com/news-feed/un-condemns-russias-illegal-annexation-of-four-ukrainian-oblasts'),
  (3, '2023-02-23T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Again on 23 Feb 2023: North Korea was one of seven countries voting against the General Assembly resolution calling on Russia to withdraw from Ukraine (141 in favour, 32 abstentions).', 'https://www.taipeitimes.com/News/world/archives/2023/02/25/2003795024')
) AS v
WHERE c.uuid = '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C2. The Bell: promised last month that Pyongyang would always “stand in the same trench as the Russian army.”
--   A claim ABOUT what she said, reported by the outlet: almost certain. Her promise itself is C3.
--   P1: confirmed on the article's day by KCNA's statement of 27 Jan 2023, no longer on the
--   article's own word. P10: that statement is where C3's date comes from.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '25767b42-fca7-412a-abd6-c95715c045b5',
  'In January 2023 Kim Yo-Jong promised that North Korea would always "stand in the same trench as the Russian army".',
  'promised last month that Pyongyang would always “stand in the same trench as the Russian army.”',
  (SELECT id FROM source WHERE name_key = 'the bell'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '25767b42-fca7-412a-abd6-c95715c045b5');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '25767b42-fca7-412a-abd6-c95715c045b5' AND t.name IN ('north-korea', 'russia', 'alliance', 'propaganda')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"almost certain","quote":"promised last month that Pyongyang would always “stand in the same trench as the Russian army.”","review_by":null,"said_on":"2023-02-15","source":"The Bell","status":"unverified","tags":["alliance","north-korea","propaganda","russia"],"text":"In January 2023 Kim Yo-Jong promised that North Korea would always \"stand in the same trench as the Russian army\".","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Matter of record when said: on 27 Jan 2023 KCNA carried Kim Yo-Jong''s written press statement against US tanks for Ukraine, pledging to stand "in the same trench" with Russia''s army and people. The article''s "the Russian army" drops "and people".', 'https://www.indiatoday.in/world/story/north-korea-in-same-trench-as-russia-west-tanks-will-burn-in-ukraine-kim-jong-un-sister-russia-ukraine-war-2327419-2023-01-28'),
  (3, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'KCNA''s English text of the press statement, dated 27 Jan 2023.', 'https://kcnawatch.org/newstream/1674826771-617992938/press-statement-of-kim-yo-jong-vice-department-director-of-cc-wpk')
) AS v
WHERE c.uuid = '25767b42-fca7-412a-abd6-c95715c045b5' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C3. Kim Yo-Jong: stand in the same trench as the Russian army
--   A political pledge, not an assessment: confidence not assessed. Said in KCNA's press statement of
--   27 Jan 2023 (see C2's evidence). The quote is The Bell's rendering, which drops "and people":
--   tagged paraphrase although the article puts it in quotation marks. P11: reviewed a year later.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '7b4ca338-819a-4392-8bd1-bedaa0b77078',
  'North Korea will always stand "in the same trench" as Russia''s army and people.',
  'stand in the same trench as the Russian army',
  (SELECT id FROM source WHERE name_key = 'kim yo-jong'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-01-27', 'confirmed', NULL, NULL, '2024-01-27', '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '7b4ca338-819a-4392-8bd1-bedaa0b77078');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7b4ca338-819a-4392-8bd1-bedaa0b77078' AND t.name IN ('north-korea', 'russia', 'alliance', 'propaganda', 'prediction', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":null,"quote":"stand in the same trench as the Russian army","review_by":"2024-01-27","said_on":"2023-01-27","source":"Kim Yo-Jong","status":"unverified","tags":["alliance","north-korea","paraphrase","prediction","propaganda","russia"],"text":"North Korea will always stand \"in the same trench\" as Russia''s army and people.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-10-18T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'South Korea''s spy agency said Russian navy ships had carried about 1,500 North Korean special forces to Vladivostok: the first North Korean troops sent to fight for Russia.', 'http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=188550'),
  (3, '2025-04-26T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Russia acknowledged for the first time that North Korean troops fought for it, in retaking the Kursk region.', 'https://www.nknews.org/2025/04/in-a-first-russia-confirms-north-koreas-involvement-in-ukraine-war/'),
  (4, '2025-04-28T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'North Korea confirmed that Kim Jong Un had sent troops to fight alongside Russian forces in the Kursk region: the pledge kept, in a literal trench.', 'https://www.politico.eu/article/north-korea-sent-troops-fight-russia-ukraine/')
) AS v
WHERE c.uuid = '7b4ca338-819a-4392-8bd1-bedaa0b77078' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C4. Unnamed media reports: North Korea might send workers to Russian-occupied eastern Ukraine
--   P2: stated positively, the article's "might" is the confidence: roughly even chance (as C20 does).
--   P10: said on 2 Feb 2023, the day Daily NK ran the story ("earlier this month"), no longer a
--   placeholder. P11: reviewed six months later. It stays disputed: one anonymous source.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '47ebfc3c-6971-45ce-9a6c-8f651780dd06',
  'North Korea will send workers to Russian-occupied eastern Ukraine.',
  'North Korea might send workers to Russian-occupied eastern Ukraine',
  (SELECT id FROM source WHERE name_key = 'unnamed media reports'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-02', 'disputed', 0.5, 'roughly even chance', '2023-08-15', '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '47ebfc3c-6971-45ce-9a6c-8f651780dd06');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '47ebfc3c-6971-45ce-9a6c-8f651780dd06' AND t.name IN ('north-korea', 'russia', 'ukraine', 'workers', 'media', 'prediction', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"roughly even chance","quote":"North Korea might send workers to Russian-occupied eastern Ukraine","review_by":"2023-08-15","said_on":"2023-02-02","source":"Unnamed media reports","status":"unverified","tags":["media","north-korea","paraphrase","prediction","russia","ukraine","workers"],"text":"North Korea will send workers to Russian-occupied eastern Ukraine.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'The story: on 2 Feb 2023 Daily NK reported that Pyongyang had told North Korean trading companies already in Russia to pick young men to send to the occupied east in mid-February or March.', 'https://www.dailynk.com/english/north-korea-orders-trading-companies-russia-select-personnel-send-ukraine/'),
  (3, '2024-04-25T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'disputed', 'Reported, not established: The Diplomat, republishing Daily NK, says about 150 North Korean workers were sent to Russian-held Donbas in January 2024, on the word of one anonymous source.', 'http://thediplomat.com/2024/04/north-korea-sends-workers-to-russia-occupied-territory-in-eastern-ukraine/'),
  (4, '2024-10-22T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Ukraine''s National Resistance Center, cited by Radio Free Asia, says North Korean workers are on building sites in occupied Donetsk: a claim by a party to the war, not independently verified.', 'https://koreadailyus.com/?p=42331')
) AS v
WHERE c.uuid = '47ebfc3c-6971-45ce-9a6c-8f651780dd06' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C5. Andrei Lankov: Russia is engaged in a major conflict with the west and is now guided by a familiar geopolitical principle: the enemy of my enemy is my friend, Lankov said. Pyongyang is susceptible to the same idea
--   An unhedged judgement by the expert: very likely. P9: "susceptible", as he said, not "follows".
--   Left unverified: a judgement about motives.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '8a3cee50-a148-49bb-af31-05cb6e6deba2',
  'Russia, in a major conflict with the West, is guided by the principle "the enemy of my enemy is my friend", and North Korea is susceptible to the same idea.',
  'Russia is engaged in a major conflict with the west and is now guided by a familiar geopolitical principle: the enemy of my enemy is my friend, Lankov said. Pyongyang is susceptible to the same idea',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '8a3cee50-a148-49bb-af31-05cb6e6deba2');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '8a3cee50-a148-49bb-af31-05cb6e6deba2' AND t.name IN ('russia', 'north-korea', 'alliance', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"Russia is engaged in a major conflict with the west and is now guided by a familiar geopolitical principle: the enemy of my enemy is my friend, Lankov said. Pyongyang is susceptible to the same idea","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["alliance","north-korea","paraphrase","russia"],"text":"Russia, in a major conflict with the West, is guided by the principle \"the enemy of my enemy is my friend\", and North Korea is susceptible to the same idea.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL)
) AS v
WHERE c.uuid = '8a3cee50-a148-49bb-af31-05cb6e6deba2' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C6. Andrei Lankov: even though a few years ago Russia joined UN sanctions
--   An unhedged statement of a checkable fact: almost certain. P1: confirmed on the article's day
--   by the UN record of 2017, no longer on the article's own word.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '4cc0941e-783b-4183-a51a-139bffbdbd36',
  'A few years before the invasion of Ukraine, Russia joined UN sanctions against North Korea.',
  'even though a few years ago Russia joined UN sanctions',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36' AND t.name IN ('russia', 'north-korea', 'sanctions', 'un-security-council', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"almost certain","quote":"even though a few years ago Russia joined UN sanctions","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","paraphrase","russia","sanctions","un-security-council"],"text":"A few years before the invasion of Ukraine, Russia joined UN sanctions against North Korea.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Matter of record when said: on 22 Dec 2017 the Security Council adopted sanctions resolution 2397 on North Korea unanimously, Russia voting for it, as it had for resolutions 2371 and 2375 earlier that year.', 'https://www.unmultimedia.org/avlibrary/asset/2066/2066842/')
) AS v
WHERE c.uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C7. Andrei Lankov: Generally speaking, the Kremlin’s only concern is North Korea’s nuclear program, which has the potential to establish a dangerous precedent and erode Russia’s status as a nuclear power
--   "Generally speaking" softens it: likely. P8: "has the potential" is part of the claim (now in
--   its text), not a hedge. Refuted as a lasting view once Moscow dropped denuclearisation.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5',
  'The Kremlin''s only concern about North Korea is its nuclear programme, which has the potential to set a dangerous precedent and erode Russia''s status as a nuclear power.',
  'Generally speaking, the Kremlin’s only concern is North Korea’s nuclear program, which has the potential to establish a dangerous precedent and erode Russia’s status as a nuclear power',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'refuted', 0.675, 'likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5' AND t.name IN ('russia', 'north-korea', 'nuclear', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"likely","quote":"Generally speaking, the Kremlin’s only concern is North Korea’s nuclear program, which has the potential to establish a dangerous precedent and erode Russia’s status as a nuclear power","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","nuclear","paraphrase","russia"],"text":"The Kremlin''s only concern about North Korea is its nuclear programme, which has the potential to set a dangerous precedent and erode Russia''s status as a nuclear power.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-09-26T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'refuted', 'Foreign Minister Lavrov said Moscow regards North Korea''s denuclearisation as "a closed issue": by then the nuclear programme no longer stood in the way of ties. Refuted as a lasting view; it may have held when said.', 'http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=188142')
) AS v
WHERE c.uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C8. Andrei Lankov: North Korea is simply a situational ally for Russia. The relationship between the countries is entirely pragmatic
--   An unhedged judgement by the expert: very likely. Disputed, not refuted: the 2024 treaty goes
--   beyond "situational", but Moscow avoided calling it an alliance.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'f6e90368-1505-49c8-a6f9-2cb436be82a2',
  'North Korea is only a situational ally of Russia: the relationship between the two countries is entirely pragmatic.',
  'North Korea is simply a situational ally for Russia. The relationship between the countries is entirely pragmatic',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'disputed', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2' AND t.name IN ('north-korea', 'russia', 'alliance', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"North Korea is simply a situational ally for Russia. The relationship between the countries is entirely pragmatic","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["alliance","north-korea","paraphrase","russia"],"text":"North Korea is only a situational ally of Russia: the relationship between the two countries is entirely pragmatic.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-06-20T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'disputed', 'The treaty signed on 19 June 2024, published in full by KCNA, commits each side to military assistance without delay if the other is attacked (Article 4): more than a situational tie, though Putin stopped short of calling it an alliance.', 'https://m.koreaherald.com/view.php?ud=20240620050298')
) AS v
WHERE c.uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C9. Andrei Lankov: Moscow can ask Pyongyang for weapons and ammunition (for many years North Korea produced huge quantities of ammunition for Soviet artillery systems), or to recognize annexed territory in Ukraine
--   An unhedged judgement by the expert: very likely. P9: the quote now covers all the text says.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'fb1a5442-cfff-4c24-a125-543be58eac8e',
  'Russia can ask North Korea for weapons and ammunition, or to recognise annexed Ukrainian territory.',
  'Moscow can ask Pyongyang for weapons and ammunition (for many years North Korea produced huge quantities of ammunition for Soviet artillery systems), or to recognize annexed territory in Ukraine',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'fb1a5442-cfff-4c24-a125-543be58eac8e');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'fb1a5442-cfff-4c24-a125-543be58eac8e' AND t.name IN ('russia', 'north-korea', 'ukraine', 'ammunition', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"Moscow can ask Pyongyang for weapons and ammunition (for many years North Korea produced huge quantities of ammunition for Soviet artillery systems), or to recognize annexed territory in Ukraine","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["ammunition","north-korea","paraphrase","russia","ukraine"],"text":"Russia can ask North Korea for weapons and ammunition, or to recognise annexed Ukrainian territory.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-10-13T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'The White House said North Korea had delivered more than 1,000 containers of military equipment and munitions to Russia for its war in Ukraine.', 'https://www.ajc.com/news/nation-world/us-says-north-korea-delivered-1000-containers-of-equipment-and-munitions-to-russia-for-ukraine-war/6MOPTUAXBVEKPJ4QHTMHC5S5YI/'),
  (3, '2024-01-04T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'The White House said North Korea had supplied Russia with ballistic missiles and launchers, fired at Ukraine on 30 Dec 2023 and 2 Jan 2024.', 'https://www.themoscowtimes.com/2024/01/04/white-house-says-n-korea-supplied-russia-with-missiles-for-attacks-on-ukraine-a83643')
) AS v
WHERE c.uuid = 'fb1a5442-cfff-4c24-a125-543be58eac8e' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C10. Andrei Lankov: for many years North Korea produced huge quantities of ammunition for Soviet artillery systems
--   An unhedged statement of a checkable fact: almost certain.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '7a11a96f-6518-444f-b502-88a773cf08eb',
  'For many years North Korea produced huge quantities of ammunition for Soviet-designed artillery systems.',
  'for many years North Korea produced huge quantities of ammunition for Soviet artillery systems',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '7a11a96f-6518-444f-b502-88a773cf08eb');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7a11a96f-6518-444f-b502-88a773cf08eb' AND t.name IN ('north-korea', 'ammunition', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"almost certain","quote":"for many years North Korea produced huge quantities of ammunition for Soviet artillery systems","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["ammunition","north-korea","paraphrase"],"text":"For many years North Korea produced huge quantities of ammunition for Soviet-designed artillery systems.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-02-27T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'South Korea''s defence minister said North Korea had shipped about 6,700 containers of munitions to Russia, room for some three million 152 mm or half a million 122 mm shells: calibres of Soviet-designed guns.', 'https://www.politico.eu/article/north-korea-munitions-russia-vladimir-putin-war-ukraine/')
) AS v
WHERE c.uuid = '7a11a96f-6518-444f-b502-88a773cf08eb' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C11. Andrei Lankov: In return, Pyongyang can rely on Russian support as a permanent member of the UN Security Council
--   An unhedged judgement by the expert: very likely.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '2bea5a37-9068-4456-a6e5-bbc757a3f535',
  'North Korea can rely on Russia''s support as a permanent member of the UN Security Council.',
  'In return, Pyongyang can rely on Russian support as a permanent member of the UN Security Council',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '2bea5a37-9068-4456-a6e5-bbc757a3f535');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2bea5a37-9068-4456-a6e5-bbc757a3f535' AND t.name IN ('north-korea', 'russia', 'un-security-council', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"In return, Pyongyang can rely on Russian support as a permanent member of the UN Security Council","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","paraphrase","russia","un-security-council"],"text":"North Korea can rely on Russia''s support as a permanent member of the UN Security Council.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-03-28T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Russia vetoed the renewal of the UN panel of experts that monitored sanctions on North Korea (13 in favour, China abstaining); the panel closed on 30 April 2024.', 'https://press.un.org/en/2024/sc15648.doc.htm')
) AS v
WHERE c.uuid = '2bea5a37-9068-4456-a6e5-bbc757a3f535' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C12. Andrei Lankov: In May, for example, Russia vetoed further UN sanctions against North Korea.
--   An unhedged statement of a checkable fact: almost certain. "In May" is May 2022. P1: confirmed
--   on the article's day by the UN record, no longer on the article's own word.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '6c9e1222-4c68-434d-bee1-e9837ece8ae3',
  'In May 2022 Russia vetoed further UN Security Council sanctions against North Korea.',
  'In May, for example, Russia vetoed further UN sanctions against North Korea.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3' AND t.name IN ('russia', 'north-korea', 'sanctions', 'un-security-council', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"almost certain","quote":"In May, for example, Russia vetoed further UN sanctions against North Korea.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","paraphrase","russia","sanctions","un-security-council"],"text":"In May 2022 Russia vetoed further UN Security Council sanctions against North Korea.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Matter of record when said: on 26 May 2022 China and Russia vetoed a US draft resolution for new sanctions on North Korea, 13 votes to 2.', 'https://press.un.org/en/2022/sc14911.doc.htm')
) AS v
WHERE c.uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C13. Andrei Lankov: North Korea’s newspapers write nothing about the war in Ukraine.
--   An unhedged statement of a checkable fact: almost certain. P7: disputed, and why: right about
--   the home press, wrong about the state's outward-facing media. Dated 15 Nov 2024, the day of
--   the speech 38 North's review starts from (the page gives only the month).
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'c8efced6-6e0d-49c7-88d1-e86495c157b0',
  'North Korea''s newspapers write nothing about the war in Ukraine.',
  'North Korea’s newspapers write nothing about the war in Ukraine.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'disputed', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0' AND t.name IN ('north-korea', 'media', 'ukraine', 'propaganda', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"almost certain","quote":"North Korea’s newspapers write nothing about the war in Ukraine.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["media","north-korea","paraphrase","propaganda","ukraine"],"text":"North Korea''s newspapers write nothing about the war in Ukraine.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-11-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'disputed', 'Half right: 38 North found North Korea''s domestic media first mentioned the war in March 2023, but its outlets for foreign readers took Russia''s side within days of the invasion (a Foreign Ministry statement of 28 Feb 2022), and KCNA carried Kim Yo-Jong''s statement on Ukraine in January 2023.', 'https://www.38north.org/2024/11/quick-take-north-koreas-coverage-of-russian-war-against-ukraine/')
) AS v
WHERE c.uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C14. Andrei Lankov: Since the start of 2020, the country’s leaders decided news from the outside world should be as brief as possible.
--   An unhedged judgement (a decision inferred, not announced): very likely. Left unverified.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '5552c838-fb6c-40f5-b779-50ba764ce032',
  'Since the start of 2020 North Korea''s leaders have decided that news from the outside world should be as brief as possible.',
  'Since the start of 2020, the country’s leaders decided news from the outside world should be as brief as possible.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '5552c838-fb6c-40f5-b779-50ba764ce032');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '5552c838-fb6c-40f5-b779-50ba764ce032' AND t.name IN ('north-korea', 'media', 'propaganda', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"Since the start of 2020, the country’s leaders decided news from the outside world should be as brief as possible.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["media","north-korea","paraphrase","propaganda"],"text":"Since the start of 2020 North Korea''s leaders have decided that news from the outside world should be as brief as possible.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL)
) AS v
WHERE c.uuid = '5552c838-fb6c-40f5-b779-50ba764ce032' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C15. Andrei Lankov: Kim Yo-Jong’s speech was quite unusual as North Korean leaders very rarely make explicit statements about conflicts far from home.
--   An unhedged judgement by the expert: very likely. P9: it was a written press statement (see C2),
--   so the text says "statement"; the quote keeps the article's "speech". Left unverified.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '99c77783-dfc0-426a-aae8-37cced31c5b2',
  'North Korean leaders very rarely make explicit statements about conflicts far from home, which made Kim Yo-Jong''s statement backing Russia unusual.',
  'Kim Yo-Jong’s speech was quite unusual as North Korean leaders very rarely make explicit statements about conflicts far from home.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '99c77783-dfc0-426a-aae8-37cced31c5b2');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '99c77783-dfc0-426a-aae8-37cced31c5b2' AND t.name IN ('north-korea', 'propaganda', 'russia', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"Kim Yo-Jong’s speech was quite unusual as North Korean leaders very rarely make explicit statements about conflicts far from home.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","paraphrase","propaganda","russia"],"text":"North Korean leaders very rarely make explicit statements about conflicts far from home, which made Kim Yo-Jong''s statement backing Russia unusual.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL)
) AS v
WHERE c.uuid = '99c77783-dfc0-426a-aae8-37cced31c5b2' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C16. Andrei Lankov: there is a good chance this story could be true
--   "a good chance this story could be true" -> likely. The same claim as C4, his confidence in it.
--   P9: the quote is his wording. P11: reviewed six months later, like C4; disputed like C4.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '7a65915c-0be3-42af-ab77-f2916750694b',
  'North Korea will send workers to Russian-occupied eastern Ukraine.',
  'there is a good chance this story could be true',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'disputed', 0.675, 'likely', '2023-08-15', '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '7a65915c-0be3-42af-ab77-f2916750694b');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7a65915c-0be3-42af-ab77-f2916750694b' AND t.name IN ('north-korea', 'russia', 'ukraine', 'workers', 'prediction', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"likely","quote":"there is a good chance this story could be true","review_by":"2023-08-15","said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","paraphrase","prediction","russia","ukraine","workers"],"text":"North Korea will send workers to Russian-occupied eastern Ukraine.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-04-25T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'disputed', 'Reported, not established: The Diplomat, republishing Daily NK, says about 150 North Korean workers were sent to Russian-held Donbas in January 2024, on the word of one anonymous source.', 'http://thediplomat.com/2024/04/north-korea-sends-workers-to-russia-occupied-territory-in-eastern-ukraine/'),
  (3, '2024-10-22T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Ukraine''s National Resistance Center, cited by Radio Free Asia, says North Korean workers are on building sites in occupied Donetsk: a claim by a party to the war, not independently verified.', 'https://koreadailyus.com/?p=42331')
) AS v
WHERE c.uuid = '7a65915c-0be3-42af-ab77-f2916750694b' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C17. Andrei Lankov: Traditionally, many North Koreans were willing to pay bribes to get work in Russia because it generates a good income.
--   An unhedged generalisation by the expert: very likely. Left unverified.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'df212579-8d5a-4fc2-ad03-453f309c228a',
  'Traditionally many North Koreans were willing to pay bribes to get work in Russia, because it paid well.',
  'Traditionally, many North Koreans were willing to pay bribes to get work in Russia because it generates a good income.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'df212579-8d5a-4fc2-ad03-453f309c228a');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'df212579-8d5a-4fc2-ad03-453f309c228a' AND t.name IN ('north-korea', 'russia', 'workers', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"Traditionally, many North Koreans were willing to pay bribes to get work in Russia because it generates a good income.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","paraphrase","russia","workers"],"text":"Traditionally many North Koreans were willing to pay bribes to get work in Russia, because it paid well.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL)
) AS v
WHERE c.uuid = 'df212579-8d5a-4fc2-ad03-453f309c228a' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C18. Andrei Lankov: On the other hand, most likely we are talking about workers already in Russia
--   P4: split from its premise (C25): "most likely" -> likely, no longer pushed up by the unhedged
--   "not possible". Nit: tagged pandemic. Disputed: the evidence points both ways.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '2d74c65d-cfaf-4ed8-8517-503b53037a5a',
  'The North Korean workers in the story are most likely workers already in Russia, not new ones sent from North Korea.',
  'On the other hand, most likely we are talking about workers already in Russia',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'disputed', 0.675, 'likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a' AND t.name IN ('north-korea', 'russia', 'ukraine', 'workers', 'pandemic', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"likely","quote":"On the other hand, most likely we are talking about workers already in Russia","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","pandemic","paraphrase","russia","ukraine","workers"],"text":"The North Korean workers in the story are most likely workers already in Russia, not new ones sent from North Korea.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-04-25T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'disputed', 'Mixed: the workers sent to Donbas in January 2024 were reportedly new, some flown from Pyongyang (The Diplomat, via Daily NK), while the 2023 order concerned companies already in Russia.', 'http://thediplomat.com/2024/04/north-korea-sends-workers-to-russia-occupied-territory-in-eastern-ukraine/'),
  (3, '2024-10-22T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'On Lankov''s side: Ukraine''s National Resistance Center says most North Korean workers in occupied Donetsk had worked in Russia before.', 'https://koreadailyus.com/?p=42331')
) AS v
WHERE c.uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C19. Andrei Lankov: Since the start of the pandemic, North Korea has closed its borders.
--   An unhedged statement of a checkable fact: almost certain. P1: confirmed on the article's day by
--   the record of January 2020; stays confirmed (it was true when said), with the reopening noted.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '7265aee2-977d-43d0-bb49-357fbc4b1991',
  'North Korea has kept its borders closed since the start of the COVID-19 pandemic.',
  'Since the start of the pandemic, North Korea has closed its borders.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '7265aee2-977d-43d0-bb49-357fbc4b1991');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '7265aee2-977d-43d0-bb49-357fbc4b1991' AND t.name IN ('north-korea', 'pandemic', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"almost certain","quote":"Since the start of the pandemic, North Korea has closed its borders.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","pandemic","paraphrase"],"text":"North Korea has kept its borders closed since the start of the COVID-19 pandemic.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Matter of record when said: North Korea suspended all air and rail links with China from 31 Jan 2020, and its borders stayed shut through the pandemic.', 'https://en.yna.co.kr/view/AEN20200131007500325'),
  (3, '2023-08-22T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Reopening began: Air Koryo flew to Beijing, its first international commercial flight in over three and a half years.', 'https://m-en.yna.co.kr/view/AEN20230822005100325')
) AS v
WHERE c.uuid = '7265aee2-977d-43d0-bb49-357fbc4b1991' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C20. Andrei Lankov: Some Russian commentators fear Russia could turn into North Korea, but Lankov does not believe this likely
--   "does not believe this likely" -> unlikely: the claim is stated positively, his doubt is the
--   confidence. P9: quoted. P11: no horizon is given, so it is reviewed after a year. Unverified.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '294cd946-ac47-422c-835d-7ca9dd103dfc',
  'Russia will turn into a state like North Korea.',
  'Some Russian commentators fear Russia could turn into North Korea, but Lankov does not believe this likely',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.325, 'unlikely', '2024-02-15', '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '294cd946-ac47-422c-835d-7ca9dd103dfc');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '294cd946-ac47-422c-835d-7ca9dd103dfc' AND t.name IN ('russia', 'north-korea', 'prediction', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"unlikely","quote":"Some Russian commentators fear Russia could turn into North Korea, but Lankov does not believe this likely","review_by":"2024-02-15","said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","paraphrase","prediction","russia"],"text":"Russia will turn into a state like North Korea.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL)
) AS v
WHERE c.uuid = '294cd946-ac47-422c-835d-7ca9dd103dfc' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C21. Andrei Lankov: the North Korean system emerged from a popular revolution. Russia’s power vertical, by contrast, was developed over a longer period after democratic elections.
--   An unhedged judgement by the expert: very likely. P6, kept: these are the article's words, and
--   the seed records what was said, not what is true. The history is contestable (the state was
--   built under Soviet occupation in 1945-48, the subject of Lankov's own book), and the words are
--   The Bell's summary, not his: tagged paraphrase. No source found to settle it: unverified.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '602e26b0-d5cc-44bb-a0e0-1522220ed0fa',
  'North Korea''s political system emerged from a popular revolution, whereas Russia''s power vertical was developed over a longer period after democratic elections.',
  'the North Korean system emerged from a popular revolution. Russia’s power vertical, by contrast, was developed over a longer period after democratic elections.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '602e26b0-d5cc-44bb-a0e0-1522220ed0fa');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '602e26b0-d5cc-44bb-a0e0-1522220ed0fa' AND t.name IN ('north-korea', 'russia', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"the North Korean system emerged from a popular revolution. Russia’s power vertical, by contrast, was developed over a longer period after democratic elections.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","paraphrase","russia"],"text":"North Korea''s political system emerged from a popular revolution, whereas Russia''s power vertical was developed over a longer period after democratic elections.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL)
) AS v
WHERE c.uuid = '602e26b0-d5cc-44bb-a0e0-1522220ed0fa' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C22. Andrei Lankov: North Korea is a small country with a rigid hierarchy and a population steeped in Confucian principles and reverence for their superiors. Russia is not like that. “The country is too big, too complicated and too diverse,”
--   An unhedged judgement by the expert: very likely. P5: the added "to become like North Korea" is
--   gone (the article only says "Russia is not like that"), so it no longer contradicts C20. Only
--   the last sentence is his own words: tagged paraphrase. Unverified.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '34621519-cfa5-4024-9977-33816f17d915',
  'Unlike North Korea, a small country with a rigid hierarchy and a population steeped in Confucian principles and reverence for superiors, Russia is too big, too complicated and too diverse.',
  'North Korea is a small country with a rigid hierarchy and a population steeped in Confucian principles and reverence for their superiors. Russia is not like that. “The country is too big, too complicated and too diverse,”',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '34621519-cfa5-4024-9977-33816f17d915');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '34621519-cfa5-4024-9977-33816f17d915' AND t.name IN ('russia', 'north-korea', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"North Korea is a small country with a rigid hierarchy and a population steeped in Confucian principles and reverence for their superiors. Russia is not like that. “The country is too big, too complicated and too diverse,”","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","paraphrase","russia"],"text":"Unlike North Korea, a small country with a rigid hierarchy and a population steeped in Confucian principles and reverence for superiors, Russia is too big, too complicated and too diverse.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL)
) AS v
WHERE c.uuid = '34621519-cfa5-4024-9977-33816f17d915' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C23. The Bell: these countries are a long way from any fully-fledged alliance. At the moment, it helps both sides to offer symbolic support to one another
--   The outlet's own unhedged judgement: very likely (P8: the rule now covers it). P9: the quote
--   covers the text. Nit: tagged ukraine. It contradicts the headline, C29.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '6ffbe77e-87bf-448e-95fc-592bcb72dabb',
  'Russia and North Korea are a long way from any fully-fledged alliance: for now their support for each other is symbolic.',
  'these countries are a long way from any fully-fledged alliance. At the moment, it helps both sides to offer symbolic support to one another',
  (SELECT id FROM source WHERE name_key = 'the bell'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'refuted', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb' AND t.name IN ('russia', 'north-korea', 'alliance', 'ukraine')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"these countries are a long way from any fully-fledged alliance. At the moment, it helps both sides to offer symbolic support to one another","review_by":null,"said_on":"2023-02-15","source":"The Bell","status":"unverified","tags":["alliance","north-korea","russia","ukraine"],"text":"Russia and North Korea are a long way from any fully-fledged alliance: for now their support for each other is symbolic.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-06-19T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'refuted', 'Putin and Kim Jong Un signed a Comprehensive Strategic Partnership treaty pledging mutual aid if either faces aggression; Kim put relations at the level of an alliance.', 'https://www.startribune.com/russia-and-north-korea-sign-partnership-deal-that-appears-to-be-the-strongest-since-cold-war/600374537'),
  (3, '2024-12-04T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'The treaty, with its clause on immediate military assistance if either side is attacked, came into force.', 'https://tass.com/world/1882445')
) AS v
WHERE c.uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C24. Andrei Lankov: Now, though, things could change
--   P3. "things could change": what could change is C13's silence. "could" -> roughly even chance.
--   Reviewed a year later. Confirmed on the same 38 North review as C13 (same dating).
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'd1d669b1-b0bf-4ebf-a6aa-aaf396e0722e',
  'North Korea''s newspapers will start writing about the war in Ukraine.',
  'Now, though, things could change',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.5, 'roughly even chance', '2024-02-15', '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'd1d669b1-b0bf-4ebf-a6aa-aaf396e0722e');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'd1d669b1-b0bf-4ebf-a6aa-aaf396e0722e' AND t.name IN ('north-korea', 'media', 'ukraine', 'propaganda', 'prediction', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"roughly even chance","quote":"Now, though, things could change","review_by":"2024-02-15","said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["media","north-korea","paraphrase","prediction","propaganda","ukraine"],"text":"North Korea''s newspapers will start writing about the war in Ukraine.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-11-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'North Korea''s domestic media began mentioning the war in March 2023 and grew more outspoken as ties with Russia deepened; on 15 Nov 2024 Kim Jong Un''s speech on the war was carried for home audiences (38 North).', 'https://www.38north.org/2024/11/quick-take-north-koreas-coverage-of-russian-war-against-ukraine/'),
  (3, '2025-04-29T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Rodong Sinmun, the paper read at home, printed Putin''s full message thanking North Korea for its troops.', 'https://koreajoongangdaily.joins.com/news/2025-04-29/national/northKorea/Norths-top-newspaper-reports-Putins-message-thanking-troop-deployment-to-Russia/2296074')
) AS v
WHERE c.uuid = 'd1d669b1-b0bf-4ebf-a6aa-aaf396e0722e' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C25. Andrei Lankov: With no international air traffic, it is not possible for a new workforce to reach other countries.
--   P3/P4: the unhedged premise, once inside C18: a checkable fact, almost certain. True when said;
--   outdated once flights resumed (noted).
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '70f10503-ef6a-4368-8861-433204b38c44',
  'With no international air traffic, no new North Korean workforce can travel abroad.',
  'With no international air traffic, it is not possible for a new workforce to reach other countries.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '70f10503-ef6a-4368-8861-433204b38c44');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '70f10503-ef6a-4368-8861-433204b38c44' AND t.name IN ('north-korea', 'workers', 'pandemic', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"almost certain","quote":"With no international air traffic, it is not possible for a new workforce to reach other countries.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","pandemic","paraphrase","workers"],"text":"With no international air traffic, no new North Korean workforce can travel abroad.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-08-22T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'True when said: Air Koryo''s flight to Beijing on 22 Aug 2023 was its first international commercial flight in over three and a half years. From then on the premise no longer held.', 'https://m-en.yna.co.kr/view/AEN20230822005100325'),
  (3, '2025-02-09T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'With travel open again, South Korea''s spy agency said thousands of North Korean workers went to Russian building sites in 2024, many on student visas.', 'https://koreajoongangdaily.joins.com/news/2025-02-09/national/northKorea/North-sent-thousands-of-workers-to-Russia-to-address-labor-shortage-Souths-spy-agency-says/2238114')
) AS v
WHERE c.uuid = '70f10503-ef6a-4368-8861-433204b38c44' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C26. Russian commentators: Some Russian commentators fear Russia could turn into North Korea
--   P3: the commentators' own claim (C20 is Lankov's doubt about it). "could" -> roughly even chance.
--   No horizon given: reviewed after a year. Unverified.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'b59c2eba-c6a1-4c62-8da9-f48a9dd1b32b',
  'Russia will turn into a state like North Korea.',
  'Some Russian commentators fear Russia could turn into North Korea',
  (SELECT id FROM source WHERE name_key = 'russian commentators'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.5, 'roughly even chance', '2024-02-15', '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'b59c2eba-c6a1-4c62-8da9-f48a9dd1b32b');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'b59c2eba-c6a1-4c62-8da9-f48a9dd1b32b' AND t.name IN ('russia', 'north-korea', 'prediction', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"roughly even chance","quote":"Some Russian commentators fear Russia could turn into North Korea","review_by":"2024-02-15","said_on":"2023-02-15","source":"Russian commentators","status":"unverified","tags":["north-korea","paraphrase","prediction","russia"],"text":"Russia will turn into a state like North Korea.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL)
) AS v
WHERE c.uuid = 'b59c2eba-c6a1-4c62-8da9-f48a9dd1b32b' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C27. Andrei Lankov: If I was looking for an equivalent, I’d be more inclined to look at Iran.
--   P3: his own words, in quotation marks. "I'd be more inclined" hedges it: likely. Unverified.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '04219c80-345e-45e4-ae3f-61e7b20b4a4e',
  'If Russia resembles any other state, it is Iran rather than North Korea.',
  'If I was looking for an equivalent, I’d be more inclined to look at Iran.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.675, 'likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '04219c80-345e-45e4-ae3f-61e7b20b4a4e');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '04219c80-345e-45e4-ae3f-61e7b20b4a4e' AND t.name IN ('russia', 'north-korea')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"likely","quote":"If I was looking for an equivalent, I’d be more inclined to look at Iran.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","russia"],"text":"If Russia resembles any other state, it is Iran rather than North Korea.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL)
) AS v
WHERE c.uuid = '04219c80-345e-45e4-ae3f-61e7b20b4a4e' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C28. Unnamed media reports: Media outlets have reported on growing cooperation between Russia and North Korea in recent months.
--   P3: The Bell relays unnamed media; their unhedged judgement of a trend: very likely. A matter
--   of record when the article appeared: confirmed on its day.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '92c5f93d-454f-4dcb-a803-a2e428bced77',
  'Cooperation between Russia and North Korea has been growing in recent months.',
  'Media outlets have reported on growing cooperation between Russia and North Korea in recent months.',
  (SELECT id FROM source WHERE name_key = 'unnamed media reports'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '92c5f93d-454f-4dcb-a803-a2e428bced77');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '92c5f93d-454f-4dcb-a803-a2e428bced77' AND t.name IN ('russia', 'north-korea', 'alliance', 'media', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"Media outlets have reported on growing cooperation between Russia and North Korea in recent months.","review_by":null,"said_on":"2023-02-15","source":"Unnamed media reports","status":"unverified","tags":["alliance","media","north-korea","paraphrase","russia"],"text":"Cooperation between Russia and North Korea has been growing in recent months.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Matter of record when said: on 22 Dec 2022 the White House said North Korea had delivered infantry rockets and missiles to Russia for the Wagner group fighting in Ukraine.', 'https://www.axios.com/2022/12/22/us-north-korea-russia-wagner-mercenaries-ukraine')
) AS v
WHERE c.uuid = '92c5f93d-454f-4dcb-a803-a2e428bced77' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C29. The Bell: How North Korea became Russia’s ally
--   P3: the headline, the outlet's own unhedged judgement: very likely. It contradicts C23 in the
--   same article (and agrees with Lankov's "situational ally", C8); kept to show both.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '960a717d-35eb-49df-b449-72159a50faab',
  'North Korea has become Russia''s ally.',
  'How North Korea became Russia’s ally',
  (SELECT id FROM source WHERE name_key = 'the bell'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '960a717d-35eb-49df-b449-72159a50faab');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '960a717d-35eb-49df-b449-72159a50faab' AND t.name IN ('north-korea', 'russia', 'alliance')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"How North Korea became Russia’s ally","review_by":null,"said_on":"2023-02-15","source":"The Bell","status":"unverified","tags":["alliance","north-korea","russia"],"text":"North Korea has become Russia''s ally.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-06-19T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Putin and Kim Jong Un signed a treaty pledging mutual aid if either faces aggression; Kim said it raised relations to the level of an alliance.', 'https://www.startribune.com/russia-and-north-korea-sign-partnership-deal-that-appears-to-be-the-strongest-since-cold-war/600374537')
) AS v
WHERE c.uuid = '960a717d-35eb-49df-b449-72159a50faab' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;
