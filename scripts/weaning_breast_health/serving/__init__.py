"""Serving the built site as readers get it: the production nginx configuration."""
