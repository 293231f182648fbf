"""Run a command and write its peak RSS (KiB) to a file: `python -I -S _rusage.py FILE ARGV…`.

Linux carries a parent's peak RSS into a child it forks, even across exec, so the bench's
own process (Django loaded) cannot launch what it measures: this small one does.
"""

import os
import sys

report, argv = sys.argv[1], sys.argv[2:]
pid = os.posix_spawnp(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
