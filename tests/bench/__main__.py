"""`make bench`: run every benchmark module and print its figures as ratios to its baseline."""

import importlib
import pkgutil
import sys

import tests.bench


def main(argv: list[str]) -> int:
    wanted = set(argv)
    names = sorted(
        module.name
        for module in pkgutil.iter_modules(tests.bench.__path__)
        if not module.name.startswith("_")
    )
    failures = 0
    for name in names:
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"tests.bench.{name}")
        print(f"== {name}", flush=True)
        if module.run() is False:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
