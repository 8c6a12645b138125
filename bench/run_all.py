"""Run every benchmark and print the figures (Merit beside the bare library, as ratios)."""

from __future__ import annotations

import bench_demo
import bench_search
import bench_start

if __name__ == "__main__":
    bench_demo.run(10_000)
    bench_demo.run(100_000)
    bench_start.main()
    bench_search.main()
