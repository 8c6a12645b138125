"""Run every benchmark and print the figures (Merit beside the bare library, as ratios)."""

from __future__ import annotations

import bench_audit
import bench_beranda
import bench_decree
import bench_demo
import bench_ekspor
import bench_import
import bench_recap
import bench_rss
import bench_search
import bench_skp
import bench_start
import bench_sync

if __name__ == "__main__":
    bench_demo.run(10_000)
    bench_demo.run(100_000)
    bench_import.run(100_000)
    bench_recap.run(100_000)
    bench_ekspor.run(100_000)
    bench_decree.main(1_000)
    bench_start.main()
    bench_search.main()
    bench_skp.run(10_300)
    bench_sync.run(100_000)
    bench_audit.run(100_000)
    bench_rss.run(bench_rss.demo_database(100_000))
    bench_beranda.run(100_000)
