-- The ledger's rules, held by the database (docs/decisions/0009-ledger.md).
-- 1. Entries and postings are append-only: no update, no delete.
-- 2. An entry on an employee's points account moves its stored balance; the balance's check
--    constraint (>= 0) refuses an overdraft under the row lock, whatever the code does.
-- 3. A debit on a payable (an organisation's account, shared by every donor of a campaign, so its
--    balance is not stored) locks the account row and refuses a sum below zero. Credits take no
--    lock, so donations to one campaign do not queue behind each other.
-- 4. At commit, each posting's entries must sum to zero per unit, and a posting must have entries.
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
CREATE FUNCTION "ledger_entry_applied"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  account_kind text;
  tracked boolean;
  total bigint;
BEGIN
  SELECT kind, balance IS NOT NULL INTO account_kind, tracked FROM ledger_accounts WHERE id = NEW.account_id;
  IF tracked THEN
    UPDATE ledger_accounts SET balance = balance + NEW.amount WHERE id = NEW.account_id;
  ELSIF NEW.amount < 0 AND account_kind = 'payable' THEN
    PERFORM 1 FROM ledger_accounts WHERE id = NEW.account_id FOR UPDATE;
    SELECT coalesce(sum(amount), 0) INTO total FROM ledger_entries WHERE account_id = NEW.account_id;
    IF total < 0 THEN
      RAISE EXCEPTION 'ledger account % would fall below zero', NEW.account_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_accounts_balance_non_negative';
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_applied" AFTER INSERT ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entry_applied"();
--> statement-breakpoint
CREATE FUNCTION "ledger_posting_balanced"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM ledger_entries WHERE posting_id = NEW.posting_id GROUP BY unit HAVING sum(amount) <> 0
  ) THEN
    RAISE EXCEPTION 'posting % does not sum to zero', NEW.posting_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_postings_balanced';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_entries_balanced" AFTER INSERT ON "ledger_entries"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_posting_balanced"();
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
