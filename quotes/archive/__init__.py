"""An archive of extracted records, read back: who is quoted how often, and which of the
speakers the registry does not know are one entity (a registry draft for a person to review)."""
