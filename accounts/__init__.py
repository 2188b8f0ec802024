"""Signing in: throttling of failed attempts, single sign-on (OIDC), security logs."""
