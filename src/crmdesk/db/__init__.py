"""Storage: SQLAlchemy models, engine, unit of work, repositories and Alembic migrations."""
