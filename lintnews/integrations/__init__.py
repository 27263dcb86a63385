"""Steps for other tools' pipelines: `lintnews.integrations.datatrove` (needs ``lintnews[datatrove]``).

The Hugging Face ``datasets`` recipe needs no module of its own: see the README's "Python API"."""
