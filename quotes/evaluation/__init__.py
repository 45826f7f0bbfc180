"""Measuring: scoring against gold, the textacy baseline, pipelines compared, benchmarks."""
