"""What one file may make the loaders do. Each limit has its own refusal message, naming it.

Files are parsed in worker processes (loaders/pipeline.py), so a file that gets past these limits and still
misbehaves costs one worker, not the load: FILE_SECONDS and TASK_MEMORY bound it there.
"""

from __future__ import annotations

MAX_FILE_BYTES = 50 * 2**20  # a policy plan is at most a few MB; a scanned 300-page PDF is about 40 MB
MAX_LINE_CHARS = 100_000  # one paragraph; the longest in the corpus is under 5,000
MAX_NESTING = 256  # elements inside elements, in a web page or a .docx (libxml2's own default)
MAX_UNPACKED_BYTES = 200 * 2**20  # what the parts of a .docx may unpack to, together
MAX_COMPRESSION_RATIO = 100  # per .docx part over 1 MB; Word's XML packs about 10 to 1
MAX_PARTS = 10_000  # files inside a .docx

FILE_SECONDS = 120.0  # to read and parse one file
TASK_MEMORY = 256 << 20  # bytes a worker may allocate for one file beyond its start-up; a 400-page PDF needs 60 MB
