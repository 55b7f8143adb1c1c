"""Helpers of the article-checking notebook suite."""
