"""The build: input hashes, the build date, staging and the atomic swap of ``_site/``."""
