"""What reading a damaged or hostile ZIP can raise, named once for every reader of one: a backup, a
statistics bundle, an .xlsx ledger (RELIABILITY: a hostile file gets a clear refusal, never
"unexpected error").

zipfile raises NotImplementedError for a member flagged as compressed patched data (bit 5) or packed
by a method it lacks, zlib.error for a damaged deflate stream, struct.error for truncated headers,
and BadZipFile, EOFError, OSError or ValueError for the rest. A fuzzed bundle found the first.
"""

from __future__ import annotations

import struct
import zipfile
import zlib

# A member's bytes that are not what its header says (apart from the file system's own errors).
DAMAGED_MEMBER: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zlib.error, struct.error, NotImplementedError, EOFError,
)  # fmt: skip
ZIP_READ_FAILURES: tuple[type[BaseException], ...] = (
    *DAMAGED_MEMBER,
    zipfile.LargeZipFile,
    OSError,
    ValueError,
)

# General-purpose flags no file of ours sets: encrypted (bit 0), compressed patched data (bit 5),
# strong encryption (bit 6). A member carrying one is refused before it is read.
REFUSED_FLAGS = 0x1 | 0x20 | 0x40
