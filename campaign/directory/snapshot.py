"""Loading the public data shipped in `data/` (see its README.md): what `make run` runs.

Each import is idempotent. Members of Parliament are loaded from the snapshot only while the
directory has none fresher: once `sync_representatives` (Represent) or an organiser has kept
them, an older snapshot must not undo that work.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from campaign.directory.importers.directory import (
    fsa_import,
    representatives_import,
    ridings_import,
)
from campaign.directory.importers.ministry import ministry_file_import
from campaign.directory.importers.parsing import parse_fsa, parse_members_csv, parse_ridings_csv
from campaign.directory.models import Representative

RIDINGS = "fed_2023_representation_order.csv"
MEMBERS = "mps_45th_normalized.csv"
FSA = "fsa_to_fed_2023_single_sample.json"
MINISTRY = "gc_opendata_minister_choices.json"


@dataclass(frozen=True)
class Loaded:
    what: str
    summary: str


def _members_kept_elsewhere() -> bool:
    return Representative.objects.current().exclude(source=Representative.Source.CSV).exists()


def directory_snapshot_load(*, data_dir: Path | None = None) -> list[Loaded]:
    """Load ridings, members, FSAs and the ministry from the shipped snapshot, in that order.

    Raises ImportFailed (nothing of that file changed) or OSError for a missing file.
    """
    data_dir = Path(data_dir or settings.DIRECTORY_DATA_DIR)
    loaded = [
        Loaded(
            "ridings",
            ridings_import(records=parse_ridings_csv((data_dir / RIDINGS).read_bytes())).summary(
                "Ridings"
            ),
        )
    ]
    if _members_kept_elsewhere():
        loaded.append(
            Loaded("representatives", "Representatives: kept (refreshed since the snapshot).")
        )
    else:
        records = parse_members_csv((data_dir / MEMBERS).read_bytes())
        counts = representatives_import(records=records, source=Representative.Source.CSV)
        loaded.append(Loaded("representatives", counts.summary("Representatives")))
    counts = fsa_import(pairs=parse_fsa((data_dir / FSA).read_bytes()))
    loaded.append(Loaded("fsa", counts.summary("FSA pairs")))
    counts = ministry_file_import(data=(data_dir / MINISTRY).read_bytes())
    loaded.append(Loaded("ministry", counts.summary("Office holders")))
    return loaded
