"""Public pages (no sign-in) and the staff pages that serve what the public sent."""
