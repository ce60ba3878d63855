"""Spreadsheet reading and writing, column mapping and value cleaning. No database, no Qt."""
