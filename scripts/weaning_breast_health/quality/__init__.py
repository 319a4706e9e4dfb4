"""Quality measures of the pages: readability."""
