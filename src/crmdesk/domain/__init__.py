"""Pure-Python core: enumerations, values passed between layers, validation, typed errors."""
