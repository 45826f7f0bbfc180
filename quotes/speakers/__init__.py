"""Speaker mentions to canonical identities: the registry, in-document aliases, coreference."""
