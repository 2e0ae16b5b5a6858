"""Evaluation: metrics and the ``ringkas eval`` runners that compare ringkas with peers."""
