"""Staff pages, one module per noun. Each view reads through the access choke-point, calls one
action, and renders."""
