"""The result cache: per-document results keyed by content, rules, configuration and version.

A key is the SHA-1 of the run's fingerprint (lintnews version, every setting, the bytes of every
phrase pack in use, the selected rules) plus the document's name and raw bytes. Anything that can
change a result changes the key, so a stale entry is never returned: it is just never asked for
again. Entries live in one SQLite file under the cache folder (`lintnews clean` removes it).

The cache is untrusted input: a repository can ship a ``.lintnews_cache`` folder, and with the
default settings its keys can be computed in advance. So entries are plain data (msgpack: lists,
strings, numbers, byte strings; never pickle or anything else that runs code when read), every
entry is checked field by field against the shape and the document it is read for, and an entry
that does not fit is a miss: the document is linted again. A cache file SQLite cannot read
(corrupt, truncated, a folder, an unexpected schema) is rebuilt with a one-line warning; a cache
folder that cannot be made or written (its path is a file, no permission) is a one-line warning
and the run goes on without the cache.

The package, by job:

- `store`: the SQLite file (`ResultCache`), the run's fingerprint and the entry keys, and
  `clean`;
- `entries`: the entry format (msgpack of plain data), its field-by-field checks, diagnostics,
  and the corpus phase's entries;
- `rows`: a document's diagnostics as rows, without the fields they share with the document
  (or, for a run that only prints one line a finding, what those lines show: `rows.briefs`);
- `units`: the entries of one file or JSONL record: its results and, in an entry of their own,
  its corpus signatures;
- `seal`: a document's report as a worker formatted it, sealed with a secret of this
  installation (an HMAC): a re-run with the same report settings writes it out as it is, without
  decoding and checking the results entry (an entry whose seal does not check out is ignored).

Every name is importable from ``lintnews.cache`` as before.
"""

from lintnews.cache.entries import FORMAT as FORMAT
from lintnews.cache.entries import MAGIC as MAGIC
from lintnews.cache.entries import _diagnostic as _diagnostic
from lintnews.cache.entries import _diagnostic_data as _diagnostic_data
from lintnews.cache.entries import _Invalid as _Invalid
from lintnews.cache.entries import _pack as _pack
from lintnews.cache.entries import _unpack as _unpack
from lintnews.cache.entries import dump_corpus as dump_corpus
from lintnews.cache.entries import load_corpus as load_corpus
from lintnews.cache.store import _FILE as _FILE
from lintnews.cache.store import DEFAULT_DIR as DEFAULT_DIR
from lintnews.cache.store import SIGNATURES as SIGNATURES
from lintnews.cache.store import ResultCache as ResultCache
from lintnews.cache.store import clean as clean
from lintnews.cache.store import fingerprint as fingerprint
from lintnews.cache.store import key as key
from lintnews.cache.store import pair as pair
from lintnews.cache.store import unpair as unpair
from lintnews.cache.units import SignatureSpec as SignatureSpec
from lintnews.cache.units import dump_results as dump_results
from lintnews.cache.units import dump_unit as dump_unit
from lintnews.cache.units import load_signatures as load_signatures
from lintnews.cache.units import load_unit as load_unit
from lintnews.cache.units import signature_data as signature_data
from lintnews.cache.units import signature_from_data as signature_from_data
from lintnews.cache.units import signature_spec as signature_spec
