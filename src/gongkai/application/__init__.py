"""An information request (政府信息公开申请) as the ledger handles it: applicant kinds, the status
machine, outcomes and their report rows, and the year's tables built from the ledger's counts.
Pure Python: the Django app stores these values and calls these functions."""
