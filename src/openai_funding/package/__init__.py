"""The data package: its descriptor, typed loading and hashing."""
