"""Use cases. Each call is one unit of work and returns domain values, never ORM objects."""
