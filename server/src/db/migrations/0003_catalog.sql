-- Built-in household categories and poverty causes (households/labels.ts, from the seeds).
-- Built-ins have no region; created_at keeps the order of labels.ts for lists; ON CONFLICT keeps
-- entries that are already there untouched.
INSERT INTO "household_catalog" ("id", "kind", "code", "name_zh", "name_en", "created_at") VALUES
  ('019b76da-a800-7d2e-b421-9a4a8ab75143', 'category', 'prosperity_star', '致富明星户', 'Prosperity star', '2026-01-01 00:00:01+00'),
  ('019b76da-a800-7647-8c51-94783a9dc1db', 'category', 'conservative', '思想保守户', 'Conservative', '2026-01-01 00:00:02+00'),
  ('019b76da-a800-7dc0-99ef-e0948274409e', 'category', 'difficult', '难缠户', 'Difficult', '2026-01-01 00:00:03+00'),
  ('019b76da-a800-7d5c-8b9c-3aaa76a544f4', 'category', 'poor', '贫困户', 'Poor', '2026-01-01 00:00:04+00'),
  ('019b76da-a800-7222-9508-5add851a8ae8', 'category', 'economically_behind', '经济落后户', 'Economically behind', '2026-01-01 00:00:05+00'),
  ('019b76da-a800-7164-ab46-1ad4b16bb688', 'category', 'party_member_hardship', '困难党员户', 'Party member in hardship', '2026-01-01 00:00:06+00'),
  ('019b76da-a800-75b6-8fc3-a935f4019f81', 'category', 'petitioner', '信访户', 'Petitioner', '2026-01-01 00:00:07+00'),
  ('019b76da-a800-7989-949a-c639306f1700', 'category', 'tech_prosperity', '科技致富户', 'Prospering by technology', '2026-01-01 00:00:08+00'),
  ('019b76da-a800-7e93-84d7-eec45fd90714', 'category', 'family_planning', '计生三结合户', 'Family-planning model', '2026-01-01 00:00:09+00'),
  ('019b76da-a800-7681-8cef-48b9fe09638d', 'category', 'large_grower', '种植大户', 'Large grower', '2026-01-01 00:00:10+00'),
  ('019b76da-a800-7b23-ab9f-2d211b376c5e', 'category', 'large_breeder', '养殖大户', 'Large breeder', '2026-01-01 00:00:11+00'),
  ('019b76da-a800-7bf8-add2-04c4806a014e', 'category', 'urban_hardship', '城市困难群众', 'Urban hardship', '2026-01-01 00:00:12+00'),
  ('019b76da-a800-7bba-be54-9578182c4560', 'category', 'laid_off', '下岗职工', 'Laid-off worker', '2026-01-01 00:00:13+00'),
  ('019b76da-a800-7b12-a63f-87bb27b4ba32', 'poverty_cause', 'illness', '因病', 'Illness', '2026-01-01 00:00:14+00'),
  ('019b76da-a800-7bc9-b969-60729be9f986', 'poverty_cause', 'disability', '因残', 'Disability', '2026-01-01 00:00:15+00'),
  ('019b76da-a800-7d71-ad48-c2ca27a55d15', 'poverty_cause', 'schooling', '因学', 'Schooling costs', '2026-01-01 00:00:16+00'),
  ('019b76da-a800-7b3c-b723-2e2017de9660', 'poverty_cause', 'disaster', '因灾', 'Disaster', '2026-01-01 00:00:17+00'),
  ('019b76da-a800-7da2-a266-f491ddcf1339', 'poverty_cause', 'no_land', '缺土地', 'Lack of land', '2026-01-01 00:00:18+00'),
  ('019b76da-a800-74cf-8506-0a446e9b7f3c', 'poverty_cause', 'no_water', '缺水', 'Lack of water', '2026-01-01 00:00:19+00'),
  ('019b76da-a800-7601-bf18-4f7eeac8c159', 'poverty_cause', 'no_skills', '缺技术', 'Lack of skills', '2026-01-01 00:00:20+00'),
  ('019b76da-a800-7a4b-89e8-aad55930d253', 'poverty_cause', 'no_labour', '缺劳力', 'Lack of labour', '2026-01-01 00:00:21+00'),
  ('019b76da-a800-7d29-ad54-1bf30ed9256f', 'poverty_cause', 'no_capital', '缺资金', 'Lack of capital', '2026-01-01 00:00:22+00'),
  ('019b76da-a800-725d-b1bb-50201c1b6aac', 'poverty_cause', 'poor_transport', '交通条件落后', 'Poor transport', '2026-01-01 00:00:23+00'),
  ('019b76da-a800-7b06-89fe-fa580118c80d', 'poverty_cause', 'low_motivation', '自身发展动力不足', 'Low motivation', '2026-01-01 00:00:24+00')
ON CONFLICT DO NOTHING;
