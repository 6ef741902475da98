"""The public side of the ledger: the agency's 公开指南, its 目录 and published reports, the online
application form, tracking by code, and the outbox of notifications to applicants and clerks."""
