"""The agency's ledger: the Django app that stores applications, appeals and proactive records,
and computes the annual report from them. Business rules live in `actions` and in the core."""
