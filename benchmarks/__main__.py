"""Run the benchmarks: ``python -m benchmarks [--quick] [--sizes ...] [--repeats N]``."""

from benchmarks.run import main

raise SystemExit(main())
