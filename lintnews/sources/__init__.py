"""Sources: turn the paths given on the command line into a stream of `Document`s.

Folders are walked lazily, JSONL is read one record at a time, and every problem with an input is
yielded as an `InputError` (naming the file and record) instead of stopping the run.

What counts as bad input (each is one `InputError`, and the run goes on):

- anything but a regular file named or found in a folder: a named pipe, a device, a socket (a pipe
  with no writer would block forever, ``/dev/zero`` never ends; stream data in with ``-``);
- an empty file, or one holding only whitespace (a failed download or extraction, never an
  article); JSONL with no record, a record whose text is empty. Standard input is exempt: an
  editor piping in a new, empty buffer is not an error;
- binary data (a NUL among the first 8,000 bytes is spotted before the rest is read, so a
  multi-gigabyte image or sparse file costs nothing), text in no recognisable encoding, a JSONL
  line that is not UTF-8 JSON or lacks the text field, a truncated gzip stream;
- missing files, broken symbolic links and link loops, unreadable files and folders;
- a document larger than ``max-document-size`` (a file, by its size before it is read; a JSONL
  record, by the length of its line before it is parsed; standard input, once that much is read).

The package, by job:

- `items`: what sources yield (`InputError`, `Item`), and `SpooledRecord`;
- `discovery`: paths to files: walking folders (sorted, in bounded memory), excludes, refusing
  what is not a regular file (`iter_paths`, `SeenFiles`, `open_regular`);
- `documents`: bytes to a `Document` (text, Markdown, HTML), size limits and binary sniffing;
- `files`: the documents of a path, and of every path (`read_path`, `iter_documents`);
- `jsonl`: JSONL corpora, one record at a time, oversized lines spooled, raw lines kept.

Every name is importable from ``lintnews.sources`` as before, the kinds of input by suffix
(`kind_of`, from `lintnews.config_formats`, which decides every format) included.
"""

from lintnews.config_formats import ALL_SUFFIXES as ALL_SUFFIXES
from lintnews.config_formats import HTML_SUFFIXES as HTML_SUFFIXES
from lintnews.config_formats import JSONL_SUFFIXES as JSONL_SUFFIXES
from lintnews.config_formats import MARKDOWN_SUFFIXES as MARKDOWN_SUFFIXES
from lintnews.config_formats import TEXT_SUFFIXES as TEXT_SUFFIXES
from lintnews.config_formats import kind_of as kind_of
from lintnews.sources.discovery import SORT_RUN as SORT_RUN
from lintnews.sources.discovery import NotRegularFile as NotRegularFile
from lintnews.sources.discovery import SeenFiles as SeenFiles
from lintnews.sources.discovery import _walk as _walk
from lintnews.sources.discovery import iter_paths as iter_paths
from lintnews.sources.discovery import open_regular as open_regular
from lintnews.sources.discovery import reaches as reaches
from lintnews.sources.discovery import sorted_listing as sorted_listing
from lintnews.sources.documents import SNIFF_BYTES as SNIFF_BYTES
from lintnews.sources.documents import TooLarge as TooLarge
from lintnews.sources.documents import _binary_head as _binary_head
from lintnews.sources.documents import _read_bytes as _read_bytes
from lintnews.sources.documents import blank_html_comments as blank_html_comments
from lintnews.sources.documents import blank_markdown_links as blank_markdown_links
from lintnews.sources.documents import html_document as html_document
from lintnews.sources.documents import make_document as make_document
from lintnews.sources.documents import markdown_document as markdown_document
from lintnews.sources.documents import text_document as text_document
from lintnews.sources.documents import too_large as too_large
from lintnews.sources.documents import unseen_markdown as unseen_markdown
from lintnews.sources.files import iter_documents as iter_documents
from lintnews.sources.files import read_path as read_path
from lintnews.sources.items import COPY_CHUNK as COPY_CHUNK
from lintnews.sources.items import InputError as InputError
from lintnews.sources.items import Item as Item
from lintnews.sources.items import SpooledRecord as SpooledRecord
from lintnews.sources.jsonl import _leading_id as _leading_id
from lintnews.sources.jsonl import copy_line as copy_line
from lintnews.sources.jsonl import jsonl_lines as jsonl_lines
from lintnews.sources.jsonl import load_record as load_record
from lintnews.sources.jsonl import loads_record as loads_record
from lintnews.sources.jsonl import read_jsonl as read_jsonl
from lintnews.sources.jsonl import record_document as record_document
from lintnews.sources.jsonl import write_record as write_record
