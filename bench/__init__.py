"""Benchmarks (`make bench`): a synthetic corpus made from the samples, and the throughput measured on it."""
