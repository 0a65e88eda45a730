SELECT 1; -- replaced by the program-session attendance triggers
