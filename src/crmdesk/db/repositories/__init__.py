"""Repositories: the only home of queries. Services call them inside a unit of work."""
