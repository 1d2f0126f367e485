"""Reports: the summary, report.md and a self-contained report.html (placeholder)."""
