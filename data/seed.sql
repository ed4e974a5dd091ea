-- claimtrack seed data: data/seed.sql
--
-- Every checkable claim in The Bell's interview with Andrei Lankov, "How North Korea became
-- Russia's ally" (shared/seed-article.txt; https://en.thebell.io/how-north-korea-became-russia-s-ally),
-- as the article left them, and what happened to each as news arrived in 2023-2025.
-- Loaded by `claimtrack init --seed`. A fact-checker's first review of an earlier version
-- (shared/seed-review.md) numbers the claims C1-C23 in the order below; C24-C29 are the claims it
-- found missing (its point P3). Its second review (same file) is answered below, under THE SECOND
-- REVIEW, and claim by claim; C30 is the half of C21 it asked to split off. Each claim's comment
-- says which review point it settles and how.
--
-- THE ARTICLE'S DATE. The page carries no date. It appeared after Kim Yo-Jong's statement of
-- 27 Jan 2023 ("last month") and Daily NK's story of 2 Feb 2023 ("earlier this month"), "almost a
-- year" after the invasion of 24 Feb 2022, and before the UN vote of 23 Feb 2023 it does not
-- mention: any day from 3 to 22 February fits. The seed takes the middle, 2023-02-15, for what was
-- said in the article and for when each claim was captured (created_at).
--
-- WHAT A CLAIM HOLDS.
--   * text: one checkable statement, stated positively, saying no more than its quote; a hedge
--     goes into the confidence, never into the text (tests/test_seed.py checks that no hedge word
--     is left in the text of a claim that has a confidence).
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
-- PREDICTIONS (a claim about what will happen, a pledge included) are tagged `prediction` and
-- carry a review date (review_by): six months after the article for the story about workers, a
-- year after for the others, which give no horizon. `claimtrack due` lists those still open.
--
-- ONE RULE FOR EVERY VERDICT: a claim is judged as of when it was said.
--   * A statement about the past or the present (a fact, an analysis, a motive, a trend) is
--     confirmed, refuted or disputed by what was true on the day it was said. What happened later
--     never changes that verdict: it is recorded as a dated note ("Later, not a verdict"). A claim
--     true when said stays confirmed when it goes out of date (C13, C19, C25); a judgement that
--     nothing of its time settles stays unverified, whatever came later (C5, C7, C8, C29).
--   * A prediction is, by its nature, judged by what happened: whether what it foretold came about,
--     whenever that was (its review date says when to look again, not a deadline: the article gives
--     no horizon).
--   * Either way, a verdict needs evidence that can be read: the status change cites the page, and
--     is dated the day that page was online (never earlier), or the article's day when the page
--     already existed then. So `claimtrack list --as-of 2023-02-15` shows what the record of the
--     time already settled, and every later date shows what was known by then. Only news found and
--     checked is recorded; a claim with none stays unverified. `disputed` means the evidence points
--     both ways, or rests on one unverifiable source.
--
-- EVIDENCE. Every page a status change or a note cites is listed in its claim's comment, one line
-- each, in a fixed form that tests/test_seed.py reads:
--     --   evidence: <url> online <YYYY-MM-DD> (<how the day is known>)
-- "online" is the day the page existed by: its own date where it shows one, or the last day of
-- the month when its address gives only the month (a page with no date at all is not cited). The
-- test fails if an event cites a page with no such line, or is
-- dated before the page was online. Every link was seen in the stored copies of the pages the
-- research used, and is the strongest found there: the primary record (KCNA's own text, the UN's
-- meetings coverage) over a report of it, a wire story over a rewrite of it. Where the primary was
-- not among the stored pages, the comment says so and names the relay cited instead. Each note
-- says in our words what its page shows. The follow-ups are recorded (`recorded_at`) on
-- 2026-11-29, when they were researched: they are back-dated. Every status starts at
-- `unverified`, and the claim's status column is where its status events end.
--
-- THE SECOND REVIEW, point by point (details in the claims' comments):
--   1. C7 refuted by a statement 19 months later: now unverified (a judgement about motives, like
--      C5); Lavrov's statement is a dated note.
--   2. C13 disputed though its evidence supports it: now confirmed as of when said, with the
--      March 2023 change in the same event's note.
--   3. C13 and C24 dated before their evidence existed: dated the day 38 North's page was online
--      (its address gives the month: the month's last day), not the day of the speech it reports.
--   4. C18 misread its story: confirmed on the Daily NK story of 2 Feb 2023 (workers already in
--      Russia); the new group of January 2024 is a note. "most likely" is gone from its text.
--   5. C21 against the historical record: split; the half about North Korea is refuted on the
--      article's day by the record of the Soviet occupation (a historian's account of 2019), the
--      half about Russia is C30, unverified.
--   6. Two rules (C29 confirmed and C23 refuted by the 2024 treaty, C7 refuted by 2024 news): one
--      rule now, above. C29 is unverified and C23 disputed as of when said; the treaty is a note.
--      C8, disputed on the treaty before, is unverified for the same reason.
--   7. Relays: C2 now cites KCNA's text and drops India Today; C6 drops the UN video page for a
--      dated briefing on resolution 2397 (the UN press release is not among the stored pages); C8
--      cites KCNA's text of the treaty. Radio Free Asia's own page (C4, C16, C18) is not among the
--      stored pages: the relay stays, named as one.
--   8. Links not seen: Taipei Times -> AP's story of the vote (khaosodenglish.com); the UN video ->
--      the briefing of C6; Star Tribune -> AP's treaty story (arabnews.pk) and, for C8, KCNA's text;
--      Axios was found in the stored pages and stays (C28).
--   9. Dates: C9 confirmed on the article's day by the White House statement of December 2022;
--      C19 and C25, the same fact, both confirmed on the page that shows the closure lasted into
--      2023 (the 2020 record only shows it began: a note on C19); C10 dated the day its page was
--      published.
-- So Lankov's only refuted claim is now C21 (his record no longer rests on later events), and
-- The Bell has none.
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
-- ones (C30); the README ("The seed") says how to bring its verdicts up to date. Claim uuids are
-- fixed and never change.

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
--   The outlet's own unhedged statement of a checkable fact: almost certain. P8: a matter of
--   record when the article appeared (North Korea's votes at the UN), so confirmed on its day; P9: no
--   "throughout". The 23 Feb 2023 vote came after it: a note. Second review, point 8: the Taipei
--   Times page was not among the stored pages; AP's story of the vote (khaosodenglish.com) replaces it.
--   The UN's own record of the Oct 2022 vote is stored only behind a mail-link wrapper: Interfax, which
--   reports it from the Assembly hall, is cited instead.
--   evidence: https://en.interfax.com.ua/news/general/865264.html online 2022-10-13 (dated 13 Oct 2022; reports the vote from the Assembly hall)
--   evidence: https://www.khaosodenglish.com/news/2023/02/24/un-approves-resolution-calling-for-russia-to-leave-ukraine/ online 2023-02-24 (the AP story, dated in its address)
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
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Settled by the record of the time: on 12 Oct 2022 North Korea was among the five states that voted against the General Assembly text condemning Russia''s annexation of four Ukrainian regions.', 'https://en.interfax.com.ua/news/general/865264.html'),
  (3, '2023-02-24T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Again after the article: North Korea was among the seven states voting against the Assembly''s call of 23 Feb 2023 for Russia to withdraw (141 for, 32 abstaining).', 'https://www.khaosodenglish.com/news/2023/02/24/un-approves-resolution-calling-for-russia-to-leave-ukraine/')
) AS v
WHERE c.uuid = '21cbbd4d-8c4d-4a19-8cee-4838d63ad9d1' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C2. The Bell: promised last month that Pyongyang would always “stand in the same trench as the Russian army.”
--   A claim ABOUT what she said, reported by the outlet: almost certain. Her promise itself is C3.
--   P1: confirmed on the article's day by KCNA's statement of 27 Jan 2023, no longer on the article's
--   own word. P10: that statement is where C3's date comes from. Second review, point 7: the status
--   now cites KCNA's own English text; India Today's rewrite is dropped (not needed, and not among
--   the stored pages).
--   evidence: https://kcnawatch.org/newstream/1674826771-617992938/press-statement-of-kim-yo-jong-vice-department-director-of-cc-wpk online 2023-01-27 (KCNA's English text, dated 27/01/2023)
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
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Settled by the record of the time: KCNA''s English text of her press statement of 27 Jan 2023 against US tanks for Ukraine pledges to stand in the same trench with the army and people of Russia; the article''s wording drops "and people".', 'https://kcnawatch.org/newstream/1674826771-617992938/press-statement-of-kim-yo-jong-vice-department-director-of-cc-wpk')
) AS v
WHERE c.uuid = '25767b42-fca7-412a-abd6-c95715c045b5' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C3. Kim Yo-Jong: stand in the same trench as the Russian army
--   A political pledge, not an assessment: confidence not assessed. Said in KCNA's press statement of
--   27 Jan 2023 (see C2's evidence). The quote is The Bell's rendering, which drops "and people":
--   tagged paraphrase although the article puts it in quotation marks. P11: reviewed a year later.
--   A pledge is a prediction, judged by what happened: confirmed when North Korea said its troops had
--   fought for Russia. KCNA's own text of 28 Apr 2025 is not among the stored pages; Politico reports it.
--   evidence: http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=188550 online 2024-10-18 (dated)
--   evidence: https://www.nknews.org/2025/04/in-a-first-russia-confirms-north-koreas-involvement-in-ukraine-war/ online 2025-04-26 (dated)
--   evidence: https://www.politico.eu/article/north-korea-sent-troops-fight-russia-ukraine/ online 2025-04-28 (dated; reports the KCNA statement of that day)
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
--   P10: said on 2 Feb 2023, the day Daily NK ran the story ("earlier this month"). P11: reviewed six
--   months later. A prediction, judged by what happened: it stays disputed, the one report of new
--   workers in Donbas resting on one anonymous source. Second review, point 7: Radio Free Asia's own
--   page is not among the stored pages, so the relay (koreadailyus.com) stays, named as a relay.
--   evidence: https://www.dailynk.com/english/north-korea-orders-trading-companies-russia-select-personnel-send-ukraine/ online 2023-02-02 (the day C4 dates the story; the article calls it "earlier this month")
--   evidence: http://thediplomat.com/2024/04/north-korea-sends-workers-to-russia-occupied-territory-in-eastern-ukraine/ online 2024-04-25 (Daily NK's report as The Diplomat ran it; a relay dated 25 Apr 2024 quotes it)
--   evidence: https://koreadailyus.com/?p=42331 online 2024-10-22 (dated; relays RFA of that day, whose own page is not among the stored pages)
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
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'The story itself: Daily NK reported that Pyongyang had ordered North Korean trading companies in Russia to pick young men to send to the occupied east, probably in mid-February or March.', 'https://www.dailynk.com/english/north-korea-orders-trading-companies-russia-select-personnel-send-ukraine/'),
  (3, '2024-04-25T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'disputed', 'Reported, not established: Daily NK, as The Diplomat ran it, says about 150 new North Korean workers reached Russian-held Donbas in January 2024, on the word of one anonymous source.', 'http://thediplomat.com/2024/04/north-korea-sends-workers-to-russia-occupied-territory-in-eastern-ukraine/'),
  (4, '2024-10-22T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Ukraine''s National Resistance Center told Radio Free Asia (relayed by koreadailyus.com) that North Korean workers are on building sites in occupied Donetsk: a party to the war, not independently checked.', 'https://koreadailyus.com/?p=42331')
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
--   An unhedged statement of a checkable fact: almost certain. P1: confirmed on the article's day by
--   the record of 2017. Second review, points 7 and 8: the UN video page is replaced; the UN's own
--   press release for resolution 2397 is not among the stored pages, and a law firm's dated briefing
--   that states the Council's unanimous vote (and names 2371 and 2375) is the strongest found.
--   evidence: https://cliffordchance.com/briefings/2017/12/un_security_counselratchetsupnorthkore.html online 2017-12-27 (dated)
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
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Settled by the record of the time: all fifteen Council members, Russia among them, adopted sanctions resolution 2397 on 22 Dec 2017, the third such resolution on North Korea that year after 2371 and 2375.', 'https://cliffordchance.com/briefings/2017/12/un_security_counselratchetsupnorthkore.html')
) AS v
WHERE c.uuid = '4cc0941e-783b-4183-a51a-139bffbdbd36' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C7. Andrei Lankov: Generally speaking, the Kremlin’s only concern is North Korea’s nuclear program, which has the potential to establish a dangerous precedent and erode Russia’s status as a nuclear power
--   "Generally speaking" softens it: likely. P8: "has the potential" is part of the claim (now in
--   its text), not a hedge. Second review, points 1 and 6: a judgement about the Kremlin's motives in
--   February 2023, which nothing of the time settles: unverified, like C5. Lavrov's statement of
--   September 2024 is what happened later, recorded as a dated note, not a verdict.
--   evidence: https://thestar.com.my/news/world/2024/09/27/russia039s-lavrov-says-north-korea039s-nuclear-status-is-a-039closed-issue039 online 2024-09-27 (the Reuters story, dated in its address)
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5',
  'The Kremlin''s only concern about North Korea is its nuclear programme, which has the potential to set a dangerous precedent and erode Russia''s status as a nuclear power.',
  'Generally speaking, the Kremlin’s only concern is North Korea’s nuclear program, which has the potential to establish a dangerous precedent and erode Russia’s status as a nuclear power',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.675, 'likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5' AND t.name IN ('russia', 'north-korea', 'nuclear', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"likely","quote":"Generally speaking, the Kremlin’s only concern is North Korea’s nuclear program, which has the potential to establish a dangerous precedent and erode Russia’s status as a nuclear power","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","nuclear","paraphrase","russia"],"text":"The Kremlin''s only concern about North Korea is its nuclear programme, which has the potential to set a dangerous precedent and erode Russia''s status as a nuclear power.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-09-27T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Later, not a verdict: Lavrov wrote that Moscow treats North Korea''s denuclearisation as a closed issue, so by then the nuclear programme no longer stood in the way of ties.', 'https://thestar.com.my/news/world/2024/09/27/russia039s-lavrov-says-north-korea039s-nuclear-status-is-a-039closed-issue039')
) AS v
WHERE c.uuid = '2db2542b-cd6d-423b-bdb0-cb7bc89fe5a5' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C8. Andrei Lankov: North Korea is simply a situational ally for Russia. The relationship between the countries is entirely pragmatic
--   An unhedged judgement by the expert: very likely. Under the one rule (as of when it was said) the
--   2024 treaty cannot settle a judgement of February 2023, and nothing of the time does: unverified,
--   the treaty a dated note (it was disputed on the treaty in the previous seed).
--   evidence: https://kcnawatch.org/newstream/1718870859-459880358/dprk-russia-treaty-on-comprehensive-strategic-partnership online 2024-06-20 (KCNA's English text of the treaty, dated 20/06/2024)
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'f6e90368-1505-49c8-a6f9-2cb436be82a2',
  'North Korea is only a situational ally of Russia: the relationship between the two countries is entirely pragmatic.',
  'North Korea is simply a situational ally for Russia. The relationship between the countries is entirely pragmatic',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2' AND t.name IN ('north-korea', 'russia', 'alliance', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"North Korea is simply a situational ally for Russia. The relationship between the countries is entirely pragmatic","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["alliance","north-korea","paraphrase","russia"],"text":"North Korea is only a situational ally of Russia: the relationship between the two countries is entirely pragmatic.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-06-20T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Later, not a verdict: the treaty signed on 19 June 2024, as KCNA published it, commits each side to military and other help without delay if the other is attacked.', 'https://kcnawatch.org/newstream/1718870859-459880358/dprk-russia-treaty-on-comprehensive-strategic-partnership')
) AS v
WHERE c.uuid = 'f6e90368-1505-49c8-a6f9-2cb436be82a2' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C9. Andrei Lankov: Moscow can ask Pyongyang for weapons and ammunition (for many years North Korea produced huge quantities of ammunition for Soviet artillery systems), or to recognize annexed territory in Ukraine
--   An unhedged judgement by the expert: very likely. P9: the quote now covers all the text says.
--   Second review, point 9: settled by the White House statement of 22 Dec 2022, before the article:
--   confirmed on the article's day (it was confirmed in October 2023 before). The later deliveries
--   are notes.
--   evidence: https://kion546.com/news/ap-national-news/2022/12/22/white-house-russias-wagner-received-arms-from-north-korea/ online 2022-12-22 (the AP story, dated in its address)
--   evidence: https://www.ajc.com/news/nation-world/us-says-north-korea-delivered-1000-containers-of-equipment-and-munitions-to-russia-for-ukraine-war/6MOPTUAXBVEKPJ4QHTMHC5S5YI/ online 2023-10-13 (the AP story, dated)
--   evidence: https://www.nasdaq.com/articles/white-house:-north-korea-recently-provided-russia-with-ballistic-missiles-launchers online 2024-01-04 (the Reuters story, dated)
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
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Settled by the record of the time: the White House said in December 2022 that North Korea had delivered a first shipment of rockets and missiles to Wagner, fighting for Russia in Ukraine.', 'https://kion546.com/news/ap-national-news/2022/12/22/white-house-russias-wagner-received-arms-from-north-korea/'),
  (3, '2023-10-13T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Later: the White House said North Korea had sent Russia more than 1,000 containers of military equipment and munitions for the war.', 'https://www.ajc.com/news/nation-world/us-says-north-korea-delivered-1000-containers-of-equipment-and-munitions-to-russia-for-ukraine-war/6MOPTUAXBVEKPJ4QHTMHC5S5YI/'),
  (4, '2024-01-04T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Later: the White House said North Korea had given Russia ballistic missiles and launchers, some already fired at Ukraine.', 'https://www.nasdaq.com/articles/white-house:-north-korea-recently-provided-russia-with-ballistic-missiles-launchers')
) AS v
WHERE c.uuid = 'fb1a5442-cfff-4c24-a125-543be58eac8e' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C10. Andrei Lankov: for many years North Korea produced huge quantities of ammunition for Soviet artillery systems
--   An unhedged statement of a checkable fact about the past: almost certain. Second review, point 9:
--   dated the day the cited page was published (the minister's briefing of the day before reached
--   print on 27 Feb 2024).
--   evidence: https://www.politico.eu/article/north-korea-munitions-russia-vladimir-putin-war-ukraine/ online 2024-02-27 (dated)
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
  (2, '2024-02-27T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'South Korea''s defence minister said North Korea had shipped about 6,700 containers of munitions to Russia, enough for millions of 152 mm or 122 mm shells: calibres of Soviet-designed guns.', 'https://www.politico.eu/article/north-korea-munitions-russia-vladimir-putin-war-ukraine/')
) AS v
WHERE c.uuid = '7a11a96f-6518-444f-b502-88a773cf08eb' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C11. Andrei Lankov: In return, Pyongyang can rely on Russian support as a permanent member of the UN Security Council
--   An unhedged judgement by the expert: very likely. Settled when said by the May 2022 veto (C12):
--   confirmed on the article's day; the 2024 veto that ended the UN sanctions panel is a later note.
--   evidence: https://press.un.org/en/2022/sc14911.doc.htm online 2022-05-26 (UN meetings coverage of that day)
--   evidence: https://press.un.org/en/2024/sc15648.doc.htm online 2024-03-28 (UN meetings coverage of that day)
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
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Settled by the record of the time: in May 2022 Russia, with China, vetoed a US draft that would have tightened sanctions on North Korea.', 'https://press.un.org/en/2022/sc14911.doc.htm'),
  (3, '2024-03-28T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Later: Russia vetoed the renewal of the UN panel of experts on North Korea sanctions (13 in favour, China abstaining), ending its work.', 'https://press.un.org/en/2024/sc15648.doc.htm')
) AS v
WHERE c.uuid = '2bea5a37-9068-4456-a6e5-bbc757a3f535' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C12. Andrei Lankov: In May, for example, Russia vetoed further UN sanctions against North Korea.
--   An unhedged statement of a checkable fact: almost certain. "In May" is May 2022. P1: confirmed
--   on the article's day by the UN record, no longer on the article's own word.
--   evidence: https://press.un.org/en/2022/sc14911.doc.htm online 2022-05-26 (UN meetings coverage of that day)
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
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Settled by the record of the time: on 26 May 2022 China and Russia vetoed a US draft of new sanctions on North Korea that 13 members supported.', 'https://press.un.org/en/2022/sc14911.doc.htm')
) AS v
WHERE c.uuid = '6c9e1222-4c68-434d-bee1-e9837ece8ae3' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C13. Andrei Lankov: North Korea’s newspapers write nothing about the war in Ukraine.
--   An unhedged statement of a checkable fact: almost certain. Second review, point 2: 38 North's
--   review says the home press first mentioned the war in March 2023, so it was silent when Lankov
--   spoke; the Foreign Ministry site and KCNA's foreign feed that covered it are not newspapers.
--   Confirmed as of when it was said; the note says it went out of date. Point 3: dated the page's
--   publication, not the speech it starts from (the address gives the month: its last day).
--   evidence: https://www.38north.org/2024/11/quick-take-north-koreas-coverage-of-russian-war-against-ukraine/ online 2024-11-30 (its address gives only the month, so the last day of it)
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT 'c8efced6-6e0d-49c7-88d1-e86495c157b0',
  'North Korea''s newspapers write nothing about the war in Ukraine.',
  'North Korea’s newspapers write nothing about the war in Ukraine.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.97, 'almost certain', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = 'c8efced6-6e0d-49c7-88d1-e86495c157b0' AND t.name IN ('north-korea', 'media', 'ukraine', 'propaganda', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"almost certain","quote":"North Korea’s newspapers write nothing about the war in Ukraine.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["media","north-korea","paraphrase","propaganda","ukraine"],"text":"North Korea''s newspapers write nothing about the war in Ukraine.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-11-30T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'True when said: 38 North found that North Korea''s domestic media first mentioned the war in March 2023, while only the outward-facing outlets had covered it; from March 2023 the statement was out of date.', 'https://www.38north.org/2024/11/quick-take-north-koreas-coverage-of-russian-war-against-ukraine/')
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
--   P9: the quote is his wording. P11: reviewed six months later, like C4; disputed like C4, with the
--   same relay (Radio Free Asia's page is not among the stored pages).
--   evidence: http://thediplomat.com/2024/04/north-korea-sends-workers-to-russia-occupied-territory-in-eastern-ukraine/ online 2024-04-25 (Daily NK's report as The Diplomat ran it; a relay dated 25 Apr 2024 quotes it)
--   evidence: https://koreadailyus.com/?p=42331 online 2024-10-22 (dated; relays RFA of that day, whose own page is not among the stored pages)
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
  (2, '2024-04-25T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'disputed', 'Reported, not established: Daily NK, as The Diplomat ran it, says about 150 new North Korean workers reached Russian-held Donbas in January 2024, on the word of one anonymous source.', 'http://thediplomat.com/2024/04/north-korea-sends-workers-to-russia-occupied-territory-in-eastern-ukraine/'),
  (3, '2024-10-22T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Ukraine''s National Resistance Center told Radio Free Asia (relayed by koreadailyus.com) that North Korean workers are on building sites in occupied Donetsk: a party to the war, not independently checked.', 'https://koreadailyus.com/?p=42331')
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
--   P4: split from its premise (C25): "most likely" -> likely. Second review, point 4: the hedge is
--   the confidence, so the text no longer says "most likely" too. The story he meant (Daily NK, 2 Feb
--   2023) concerned workers already in Russia: confirmed on the article's day. The group reported in
--   January 2024 was new, but came a year later: a note, not a verdict.
--   evidence: https://www.dailynk.com/english/north-korea-orders-trading-companies-russia-select-personnel-send-ukraine/ online 2023-02-02 (the day C4 dates the story; the article calls it "earlier this month")
--   evidence: http://thediplomat.com/2024/04/north-korea-sends-workers-to-russia-occupied-territory-in-eastern-ukraine/ online 2024-04-25 (Daily NK's report as The Diplomat ran it; a relay dated 25 Apr 2024 quotes it)
--   evidence: https://koreadailyus.com/?p=42331 online 2024-10-22 (dated; relays RFA of that day, whose own page is not among the stored pages)
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '2d74c65d-cfaf-4ed8-8517-503b53037a5a',
  'The North Korean workers in the story are workers already in Russia, not new ones sent from North Korea.',
  'On the other hand, most likely we are talking about workers already in Russia',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'confirmed', 0.675, 'likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a' AND t.name IN ('north-korea', 'russia', 'ukraine', 'workers', 'pandemic', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"likely","quote":"On the other hand, most likely we are talking about workers already in Russia","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","pandemic","paraphrase","russia","ukraine","workers"],"text":"The North Korean workers in the story are workers already in Russia, not new ones sent from North Korea.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Settled by the story itself: Daily NK reported an order to North Korean trading companies already in Russia to pick the men to send, not a new group from home.', 'https://www.dailynk.com/english/north-korea-orders-trading-companies-russia-select-personnel-send-ukraine/'),
  (3, '2024-04-25T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Later, not a verdict: the group Daily NK says reached Donbas in January 2024 was new, some of it flown from Pyongyang once travel had reopened.', 'http://thediplomat.com/2024/04/north-korea-sends-workers-to-russia-occupied-territory-in-eastern-ukraine/'),
  (4, '2024-10-22T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Ukraine''s National Resistance Center, relayed from Radio Free Asia, says most North Korean workers in occupied Donetsk had worked in Russia before.', 'https://koreadailyus.com/?p=42331')
) AS v
WHERE c.uuid = '2d74c65d-cfaf-4ed8-8517-503b53037a5a' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C19. Andrei Lankov: Since the start of the pandemic, North Korea has closed its borders.
--   An unhedged statement of a checkable fact: almost certain. Second review, point 9: C19 and C25
--   are the same fact and now settled alike. The 2020 record shows when the closure began, not that
--   it lasted: the page that shows it still held in February 2023 is Yonhap's report of the first
--   flight after a hiatus of more than 3 1/2 years, so both are confirmed on that page's day.
--   evidence: https://en.yna.co.kr/view/AEN20200131007500325 online 2020-01-31 (dated)
--   evidence: https://m-en.yna.co.kr/view/AEN20230822005100325 online 2023-08-22 (dated)
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
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'How it began: North Korea suspended all air and rail routes with China from 31 Jan 2020.', 'https://en.yna.co.kr/view/AEN20200131007500325'),
  (3, '2023-08-22T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'True when said: the Air Koryo flight to Beijing on 22 Aug 2023 ended a hiatus of more than three and a half years in commercial flights, so the borders were still shut in February 2023. From then on they began to reopen.', 'https://m-en.yna.co.kr/view/AEN20230822005100325')
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

-- C21. Andrei Lankov: the North Korean system emerged from a popular revolution.
--   An unhedged judgement by the expert: very likely. Second review, point 5: split in two; this is
--   the half about North Korea, the half about Russia is C30. It contradicts the historical record,
--   which was settled long before the article: the state was set up under Soviet occupation and
--   run by the Soviet Union in its first years (Lankov's own histories say so too). Only Pyongyang's
--   official account sees a revolution: refuted, on the article's day. The words are The Bell's
--   summary, not his (tagged paraphrase): the verdict is on the claim as the article attributes it.
--   evidence: https://www.nknews.org/2019/03/how-kim-il-sung-broke-free-from-the-soviet-union/ online 2019-03-31 (its address gives only the month, so the last day of it)
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '602e26b0-d5cc-44bb-a0e0-1522220ed0fa',
  'North Korea''s political system emerged from a popular revolution.',
  'the North Korean system emerged from a popular revolution.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'refuted', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '602e26b0-d5cc-44bb-a0e0-1522220ed0fa');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '602e26b0-d5cc-44bb-a0e0-1522220ed0fa' AND t.name IN ('north-korea', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"the North Korean system emerged from a popular revolution.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["north-korea","paraphrase"],"text":"North Korea''s political system emerged from a popular revolution.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'refuted', 'Settled by the historical record: a historian of the period, writing in 2019, describes the North Korean state of its first years as wholly controlled by the Soviet Union, with the Soviet ambassador, not Kim Il Sung, in charge: not the product of a revolution from below.', 'https://www.nknews.org/2019/03/how-kim-il-sung-broke-free-from-the-soviet-union/')
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
--   The outlet's own unhedged judgement: very likely (P8). P9: the quote covers the text. Nit: tagged
--   ukraine. Second review, point 6: judged as of when it was said, like every claim. The record of
--   the time points both ways: no alliance bound them, but North Korea had already sent arms for
--   Russia's war, which is more than symbolic support: disputed on the article's day. The 2024 treaty
--   is what happened later: notes (it was refuted on the treaty in the previous seed).
--   evidence: https://kion546.com/news/ap-national-news/2022/12/22/white-house-russias-wagner-received-arms-from-north-korea/ online 2022-12-22 (the AP story, dated in its address)
--   evidence: https://www.arabnews.pk/node/2533266/world online 2024-06-19 (the AP story of the signing day)
--   evidence: https://tass.com/world/1882445 online 2024-12-05 (dated 5 Dec 2024)
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '6ffbe77e-87bf-448e-95fc-592bcb72dabb',
  'Russia and North Korea are a long way from any fully-fledged alliance: for now their support for each other is symbolic.',
  'these countries are a long way from any fully-fledged alliance. At the moment, it helps both sides to offer symbolic support to one another',
  (SELECT id FROM source WHERE name_key = 'the bell'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'disputed', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb' AND t.name IN ('russia', 'north-korea', 'alliance', 'ukraine')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"these countries are a long way from any fully-fledged alliance. At the moment, it helps both sides to offer symbolic support to one another","review_by":null,"said_on":"2023-02-15","source":"The Bell","status":"unverified","tags":["alliance","north-korea","russia","ukraine"],"text":"Russia and North Korea are a long way from any fully-fledged alliance: for now their support for each other is symbolic.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'disputed', 'Half borne out when said: no alliance bound them, but the White House had said in December 2022 that North Korea had delivered rockets and missiles to Wagner for the war, more than symbolic support.', 'https://kion546.com/news/ap-national-news/2022/12/22/white-house-russias-wagner-received-arms-from-north-korea/'),
  (3, '2024-06-19T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Later, not a verdict: Putin and Kim Jong Un signed a treaty pledging mutual aid if either is attacked; Kim said it put relations at the level of an alliance.', 'https://www.arabnews.pk/node/2533266/world'),
  (4, '2024-12-05T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Later: the treaty, with its clause on immediate military help if either side is attacked, came into force on 4 Dec 2024.', 'https://tass.com/world/1882445')
) AS v
WHERE c.uuid = '6ffbe77e-87bf-448e-95fc-592bcb72dabb' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C24. Andrei Lankov: Now, though, things could change
--   P3. "things could change": what could change is C13's silence. "could" -> roughly even chance.
--   Reviewed a year later. A prediction, judged by what happened: confirmed on 38 North's review,
--   dated the page's publication (second review, point 3), not the speech it starts from.
--   evidence: https://www.38north.org/2024/11/quick-take-north-koreas-coverage-of-russian-war-against-ukraine/ online 2024-11-30 (its address gives only the month, so the last day of it)
--   evidence: https://koreajoongangdaily.joins.com/news/2025-04-29/national/northKorea/Norths-top-newspaper-reports-Putins-message-thanking-troop-deployment-to-Russia/2296074 online 2025-04-29 (dated)
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
  (2, '2024-11-30T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'It happened: 38 North found North Korea''s domestic media began mentioning the war in March 2023 and spoke of it more openly as ties with Russia deepened.', 'https://www.38north.org/2024/11/quick-take-north-koreas-coverage-of-russian-war-against-ukraine/'),
  (3, '2025-04-29T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Rodong Sinmun, the party daily read at home, printed Putin''s full message thanking North Korea for its troops.', 'https://koreajoongangdaily.joins.com/news/2025-04-29/national/northKorea/Norths-top-newspaper-reports-Putins-message-thanking-troop-deployment-to-Russia/2296074')
) AS v
WHERE c.uuid = 'd1d669b1-b0bf-4ebf-a6aa-aaf396e0722e' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C25. Andrei Lankov: With no international air traffic, it is not possible for a new workforce to reach other countries.
--   P3/P4: the unhedged premise, once inside C18: a checkable fact, almost certain. Second review,
--   point 9: settled like C19, the same fact, on the page that shows the closure lasted until
--   August 2023; true when said, out of date from then (noted).
--   evidence: https://m-en.yna.co.kr/view/AEN20230822005100325 online 2023-08-22 (dated)
--   evidence: https://koreajoongangdaily.joins.com/news/2025-02-09/national/northKorea/North-sent-thousands-of-workers-to-Russia-to-address-labor-shortage-Souths-spy-agency-says/2238114 online 2025-02-09 (dated)
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
  (2, '2023-08-22T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'True when said: the Air Koryo flight to Beijing on 22 Aug 2023 was the first commercial flight after more than three and a half years, so there was none in February 2023. From then on the premise no longer held.', 'https://m-en.yna.co.kr/view/AEN20230822005100325'),
  (3, '2025-02-09T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Later: with travel open again, South Korea''s spy agency said thousands of North Korean workers went to Russian building sites in 2024, many on student visas.', 'https://koreajoongangdaily.joins.com/news/2025-02-09/national/northKorea/North-sent-thousands-of-workers-to-Russia-to-address-labor-shortage-Souths-spy-agency-says/2238114')
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
--   P3: The Bell relays unnamed media; their unhedged judgement of a trend: very likely. A matter of
--   record when the article appeared: confirmed on its day. Second review, point 8: the Axios page is
--   among the stored pages after all (its report of the White House briefing of 22 Dec 2022).
--   evidence: https://www.axios.com/2022/12/22/us-north-korea-russia-wagner-mercenaries-ukraine online 2022-12-22 (dated)
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
  (2, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z', 'status', 'status', 'unverified', 'confirmed', 'Settled by the record of the time: the White House said in December 2022 that North Korea had supplied rockets and missiles to Wagner, fighting in Ukraine.', 'https://www.axios.com/2022/12/22/us-north-korea-russia-wagner-mercenaries-ukraine')
) AS v
WHERE c.uuid = '92c5f93d-454f-4dcb-a803-a2e428bced77' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C29. The Bell: How North Korea became Russia’s ally
--   P3: the headline, the outlet's own unhedged judgement: very likely. It contradicts C23 in the
--   same article and agrees with Lankov's "situational ally" (C8). Second review, point 6: judged as
--   of when it was said, "ally" in February 2023 is a judgement nothing of the time settles:
--   unverified (it was confirmed on the 2024 treaty before). The treaty is a dated note.
--   evidence: https://www.arabnews.pk/node/2533266/world online 2024-06-19 (the AP story of the signing day)
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '960a717d-35eb-49df-b449-72159a50faab',
  'North Korea has become Russia''s ally.',
  'How North Korea became Russia’s ally',
  (SELECT id FROM source WHERE name_key = 'the bell'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2026-11-29T09:30:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '960a717d-35eb-49df-b449-72159a50faab');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '960a717d-35eb-49df-b449-72159a50faab' AND t.name IN ('north-korea', 'russia', 'alliance')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"How North Korea became Russia’s ally","review_by":null,"said_on":"2023-02-15","source":"The Bell","status":"unverified","tags":["alliance","north-korea","russia"],"text":"North Korea has become Russia''s ally.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL),
  (2, '2024-06-19T12:00:00Z', '2026-11-29T09:30:00Z', 'note', NULL, NULL, NULL, 'Later, not a verdict: Putin and Kim Jong Un signed a treaty pledging mutual aid if either is attacked; Kim said it put relations at the level of an alliance.', 'https://www.arabnews.pk/node/2533266/world')
) AS v
WHERE c.uuid = '960a717d-35eb-49df-b449-72159a50faab' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;

-- C30. Andrei Lankov: Russia’s power vertical, by contrast, was developed over a longer period after democratic elections.
--   Second review, point 5: the half of C21 about Russia, split off. An unhedged judgement by the
--   expert: very likely; The Bell's summary (tagged paraphrase). Nothing checked: unverified.
INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at)
SELECT '3f0c2a8e-5b7d-4e19-9a63-1d2e8c4b7f05',
  'Russia''s power vertical was developed over a longer period, after democratic elections.',
  'Russia’s power vertical, by contrast, was developed over a longer period after democratic elections.',
  (SELECT id FROM source WHERE name_key = 'andrei lankov'), 'https://en.thebell.io/how-north-korea-became-russia-s-ally', '2023-02-15', 'unverified', 0.875, 'very likely', NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z'
WHERE NOT EXISTS (SELECT 1 FROM claim WHERE uuid = '3f0c2a8e-5b7d-4e19-9a63-1d2e8c4b7f05');
INSERT INTO claim_tag (claim_id, tag_id) SELECT c.id, t.id FROM claim c, tag t
WHERE c.uuid = '3f0c2a8e-5b7d-4e19-9a63-1d2e8c4b7f05' AND t.name IN ('russia', 'paraphrase')
  AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM claim_tag x WHERE x.claim_id = c.id AND x.tag_id = t.id);
INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url)
SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9
FROM claim c, (VALUES
  (1, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, '{"confidence":"very likely","quote":"Russia’s power vertical, by contrast, was developed over a longer period after democratic elections.","review_by":null,"said_on":"2023-02-15","source":"Andrei Lankov","status":"unverified","tags":["paraphrase","russia"],"text":"Russia''s power vertical was developed over a longer period, after democratic elections.","url":"https://en.thebell.io/how-north-korea-became-russia-s-ally"}', 'Seeded from The Bell interview with Andrei Lankov', NULL)
) AS v
WHERE c.uuid = '3f0c2a8e-5b7d-4e19-9a63-1d2e8c4b7f05' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id)
ORDER BY v.column1;
