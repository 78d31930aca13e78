"""The checks: Table Schemas, views, written values and rules."""
