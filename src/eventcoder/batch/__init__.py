"""Batch coding: reading records, coding them, writing events."""
