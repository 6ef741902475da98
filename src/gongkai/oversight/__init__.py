"""Oversight: a supervisor's workspace over many agencies' annual reports — batch import, review,
year-on-year comparison, dashboards, exports and a read-only API. A Django app; the parallel work
runs in `gongkai.batch` and the pure per-file step in `gongkai.oversight.reading`."""
