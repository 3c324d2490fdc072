"""Generator for the sample PDFs in ``samples/``.

Each sample is rebuilt from a markup file in ``content/`` (the real text of a
published helsefellesskap document, see ``samples/README.md``) by
``python -m samples.generator.make_samples``.
"""
