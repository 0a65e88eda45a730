CREATE TABLE "ledger_giving_totals" (
	"org_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"kind" text NOT NULL,
	"campaign_id" uuid,
	"employee_id" uuid,
	"account_id" uuid NOT NULL,
	"account_kind" text NOT NULL,
	"unit" text NOT NULL,
	"amount" bigint NOT NULL,
	"value_jpy" bigint NOT NULL,
	CONSTRAINT "ledger_giving_totals_key" UNIQUE NULLS NOT DISTINCT("org_id","fiscal_year","kind","campaign_id","employee_id","account_id"),
	CONSTRAINT "ledger_giving_totals_kind" CHECK ("ledger_giving_totals"."kind" in ('point_donation', 'money_donation', 'company_donation', 'match')),
	CONSTRAINT "ledger_giving_totals_account_kind" CHECK ("ledger_giving_totals"."account_kind" in ('payable', 'points_donated'))
);
--> statement-breakpoint
ALTER TABLE "ledger_giving_totals" ADD CONSTRAINT "ledger_giving_totals_account_fk" FOREIGN KEY ("org_id","account_id","unit") REFERENCES "public"."ledger_accounts"("org_id","id","unit") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_giving_totals_campaign_idx" ON "ledger_giving_totals" USING btree ("org_id","campaign_id") WHERE "ledger_giving_totals"."campaign_id" is not null;--> statement-breakpoint
-- The giving entries summed per donor (decision 0016): what ledger_giving_totals must hold, by definition.
-- The backfill below and `ledger verify` read it; bulk loaders that write with the triggers off refill from it.
CREATE VIEW "ledger_giving_totals_expected" AS
  SELECT p.org_id, p.fiscal_year, p.kind, p.campaign_id, p.employee_id, e.account_id, a.kind AS account_kind,
    e.unit, sum(e.amount)::bigint AS amount, sum(e.value_jpy)::bigint AS value_jpy
  FROM ledger_entries e
  JOIN ledger_postings p ON p.id = e.posting_id
  JOIN ledger_accounts a ON a.id = e.account_id
  WHERE p.kind IN ('point_donation', 'money_donation', 'company_donation', 'match')
    AND a.kind IN ('payable', 'points_donated')
  GROUP BY p.org_id, p.fiscal_year, p.kind, p.campaign_id, p.employee_id, e.account_id, a.kind, e.unit;
--> statement-breakpoint
INSERT INTO "ledger_giving_totals" SELECT * FROM "ledger_giving_totals_expected";
--> statement-breakpoint
-- Migration 0006's trigger, plus step 5: the statement's giving entries are added to their donors' rows of
-- ledger_giving_totals (grouped, so a row is touched once; a reversal adds its negated amounts).
CREATE OR REPLACE FUNCTION "ledger_entries_applied"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  offender text;
BEGIN
  SELECT posting_id::text INTO offender FROM new_entries GROUP BY posting_id, unit HAVING sum(amount) <> 0 LIMIT 1;
  IF offender IS NOT NULL THEN
    RAISE EXCEPTION 'posting % does not sum to zero', offender
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_postings_balanced';
  END IF;
  UPDATE ledger_accounts a SET balance = a.balance + d.delta
    FROM (SELECT account_id, sum(amount) AS delta FROM new_entries GROUP BY account_id) d
    WHERE a.id = d.account_id AND a.balance IS NOT NULL AND d.delta <> 0;
  PERFORM 1 FROM ledger_accounts a
    WHERE a.kind = 'payable' AND a.id IN (SELECT account_id FROM new_entries WHERE amount < 0)
    ORDER BY a.id FOR UPDATE;
  -- Only payables are summed: the CASE keeps the planner from summing every debited account (a
  -- year's points_funding holds an entry per points donation: 0.8 s at 300,000 entries).
  SELECT a.id::text INTO offender
    FROM (SELECT DISTINCT account_id FROM new_entries WHERE amount < 0) d
    JOIN ledger_accounts a ON a.id = d.account_id
    WHERE CASE WHEN a.kind = 'payable'
      THEN (SELECT sum(e.amount) FROM ledger_entries e WHERE e.account_id = a.id) < 0 ELSE false END
    LIMIT 1;
  IF offender IS NOT NULL THEN
    RAISE EXCEPTION 'ledger account % would fall below zero', offender
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_accounts_balance_non_negative';
  END IF;
  INSERT INTO ledger_giving_totals AS t
      (org_id, fiscal_year, kind, campaign_id, employee_id, account_id, account_kind, unit, amount, value_jpy)
    SELECT p.org_id, p.fiscal_year, p.kind, p.campaign_id, p.employee_id, e.account_id, a.kind, e.unit,
        sum(e.amount), sum(e.value_jpy)
      FROM new_entries e
      JOIN ledger_postings p ON p.id = e.posting_id
      JOIN ledger_accounts a ON a.id = e.account_id
      WHERE p.kind IN ('point_donation', 'money_donation', 'company_donation', 'match')
        AND a.kind IN ('payable', 'points_donated')
      GROUP BY p.org_id, p.fiscal_year, p.kind, p.campaign_id, p.employee_id, e.account_id, a.kind, e.unit
      ORDER BY p.org_id, p.fiscal_year, p.kind, p.campaign_id, p.employee_id, e.account_id
    ON CONFLICT ON CONSTRAINT ledger_giving_totals_key DO UPDATE
      SET amount = t.amount + excluded.amount, value_jpy = t.value_jpy + excluded.value_jpy;
  RETURN NULL;
END $$;
