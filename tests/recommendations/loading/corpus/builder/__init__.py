"""Builds the loading corpus: each case's input (PDF, saved web page, pasted text) and
its expected items, from one description, so the two cannot drift apart."""
