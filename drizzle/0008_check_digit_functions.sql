-- Check digits of Japanese identifiers, used by CHECK constraints (partners) and mirrored in
-- src/shared/check-digits.ts for the forms. Both are IMMUTABLE: they read nothing but their argument.

-- 法人番号 (corporate number): 13 digits, the FIRST a check digit:
-- 9 - (sum over the other 12 digits, n = 1 at the rightmost, of digit × (1 if n odd else 2)) mod 9.
CREATE OR REPLACE FUNCTION kyosei_corporate_number_ok(v text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT v ~ '^[0-9]{13}$' AND substr(v, 1, 1)::int = 9 - (
    SELECT sum(substr(v, 14 - n, 1)::int * (CASE WHEN n % 2 = 1 THEN 1 ELSE 2 END))
    FROM generate_series(1, 12) AS n
  ) % 9
$$;
--> statement-breakpoint
-- 全国地方公共団体コード (local-government code, JIS X 0402): 6 digits, the LAST a check digit:
-- (11 - (d1×6 + d2×5 + d3×4 + d4×3 + d5×2) mod 11) mod 10.
CREATE OR REPLACE FUNCTION kyosei_local_gov_code_ok(v text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT v ~ '^[0-9]{6}$' AND substr(v, 6, 1)::int = (11 - (
    SELECT sum(substr(v, i, 1)::int * (7 - i)) FROM generate_series(1, 5) AS i
  ) % 11) % 10
$$;
