-- The ledger's rules, held by the database (docs/decisions/0009-ledger.md).
-- 1. Entries and postings are append-only: no update, no delete.
-- 2. Entries on an employee's points account move its stored balance; the balance's check
--    constraint (>= 0) refuses an overdraft under the row lock, whatever the code does.
-- 3. A debit on a payable (an organisation's account, shared by every donor of a campaign, so its
--    balance is not stored) locks the account row and refuses a sum below zero. Credits take no
--    lock, so donations to one campaign do not queue behind each other.
-- 4. The entries an INSERT adds to a posting sum to zero per unit; at commit a posting must have entries.
CREATE FUNCTION "ledger_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();
--> statement-breakpoint
CREATE TRIGGER "ledger_postings_append_only" BEFORE UPDATE OR DELETE ON "ledger_postings"
  FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();
--> statement-breakpoint
-- Set-based, once per INSERT statement (a bulk load of a million entries pays one pass, not a million):
-- stored balances move by their net change, payables debited by the statement are locked in id order
-- and summed, and every posting touched by the statement must net to zero per unit within it (post()
-- inserts a posting's entries in one statement; so does every bulk loader).
CREATE FUNCTION "ledger_entries_applied"() RETURNS trigger
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
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_applied" AFTER INSERT ON "ledger_entries"
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entries_applied"();
--> statement-breakpoint
CREATE FUNCTION "ledger_posting_has_entries"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ledger_entries WHERE posting_id = NEW.id) THEN
    RAISE EXCEPTION 'posting % has no entries', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_postings_balanced';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_postings_have_entries" AFTER INSERT ON "ledger_postings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_posting_has_entries"();
